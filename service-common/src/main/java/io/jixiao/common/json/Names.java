package io.jixiao.common.json;

import java.text.Normalizer;

/**
 * A name that must be unique (a project's within its department-year, a funding line's within its project, a
 * voucher number within a department-year) is compared as people read it: NFKC-normalised (full-width "Ａ１" is
 * "A1", a compatibility ideograph its unified form) and without surrounding space. It is stored so.
 */
public final class Names {

    public static String normalised(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
    }

    private Names() {
    }
}
