package io.jixiao.common.json;

/**
 * What any text the API takes must not contain: control characters (C0 but tab, line feed and carriage
 * return; DEL and C1), unpaired UTF-16 surrogates (which no UTF-8 can store), and bidirectional controls
 * (which make a payee or a purpose read differently from what it is). PostgreSQL refuses the first two
 * only at the insert, as a server error; a reader of a report or a ledger never notices the third.
 */
public final class Text {

    /** Why the text is refused, naming the first offending character; null when it is fine. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return "must not contain control characters (" + codePoint(c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid Unicode (an unpaired surrogate, " + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "is not valid Unicode (an unpaired surrogate, " + codePoint(c) + ")";
            }
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0x061c) {
                return "must not contain bidirectional control characters (" + codePoint(c) + ")";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private Text() {
    }
}
