package io.jixiao.demo;

import java.util.HashMap;
import java.util.Map;

/** The command-line tools' options: {@code --name value} pairs, by name without the dashes. */
public final class Options {

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private Options() {
    }
}
