package dev.keel.spec;

import java.util.Objects;

/**
 * The package a section belongs to, as its header names it: the main package, a suffix
 * ({@code %package devel}) or a full name ({@code %package -n python3-foo}). Macros are kept as
 * written.
 */
public record PackageRef(Form form, String name) {

    /** How a header names its package. */
    public enum Form {
        MAIN,
        SUFFIX,
        FULL
    }

    public static final PackageRef MAIN = new PackageRef(Form.MAIN, "");

    public PackageRef {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(name, "name");
    }

    public static PackageRef suffix(String suffix) {
        return new PackageRef(Form.SUFFIX, suffix);
    }

    public static PackageRef full(String name) {
        return new PackageRef(Form.FULL, name);
    }

    public boolean isMain() {
        return form == Form.MAIN;
    }

    /**
     * The full package name given the main package's name, or {@code null} when the main name is
     * unknown for a suffix form.
     */
    public String fullName(String mainName) {
        return switch (form) {
            case MAIN -> mainName;
            case FULL -> name;
            case SUFFIX -> mainName == null ? null : mainName + "-" + name;
        };
    }

    /** The header spelling: {@code ""}, {@code devel} or {@code -n name}. */
    public String headerSpelling() {
        return switch (form) {
            case MAIN -> "";
            case SUFFIX -> name;
            case FULL -> "-n " + name;
        };
    }
}
