package dev.keel.core.config;

/** Dotted TOML key paths such as {@code distros.azurelinux.versions."4.0-stage1".description}. */
public final class KeyPaths {

    private KeyPaths() {}

    public static String child(String parent, String key) {
        String quoted = isBare(key) ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return parent.isEmpty() ? quoted : parent + "." + quoted;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Whether a key can be written bare in TOML. */
    public static boolean isBare(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A phrase naming the table at {@code path} for messages: "component 'curl'", "the top level"... */
    static String describe(String path) {
        if (path.isEmpty()) {
            return "the top level";
        }
        String[] top = {
            "components",
            "component",
            "distros",
            "distro",
            "component-groups",
            "component group",
            "images",
            "image",
            "package-groups",
            "package group",
            "test-suites",
            "test suite"
        };
        for (int i = 0; i < top.length; i += 2) {
            String prefix = top[i] + ".";
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int end = nameEnd(rest);
                String name = unquote(rest.substring(0, end));
                String inner = rest.substring(end);
                String owner = top[i + 1] + " '" + name + "'";
                return inner.isEmpty() ? owner : "'" + inner.substring(1) + "' of " + owner;
            }
        }
        return "'" + path + "'";
    }

    private static int nameEnd(String rest) {
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            while (close > 0 && rest.charAt(close - 1) == '\\') {
                close = rest.indexOf('"', close + 1);
            }
            return close < 0 ? rest.length() : close + 1;
        }
        int dot = rest.indexOf('.');
        int bracket = rest.indexOf('[');
        int end = rest.length();
        if (dot >= 0) {
            end = Math.min(end, dot);
        }
        if (bracket >= 0) {
            end = Math.min(end, bracket);
        }
        return end;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            return key.substring(1, key.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return key;
    }
}
