package dev.keel.spec.macro;

import dev.keel.spec.SectionKind;
import dev.keel.spec.dependency.Dependency;
import java.util.Optional;

/**
 * What rpm's {@code parseScript} makes a package require for a scriptlet or trigger: its
 * interpreter ({@code -p PROGRAM}, else {@code /bin/sh}) with the scriptlet's flag, or for a Lua
 * scriptlet ({@code -p <lua>}) {@code rpmlib(BuiltinLuaScripts) <= 4.2.2-1}.
 */
final class ScriptletRequirement {

    private static final int INTERP = 1 << 8;

    private ScriptletRequirement() {}

    static Optional<Dependency> of(SectionLine header) {
        int flag = flag(header.kind());
        if (flag < 0) {
            return Optional.empty();
        }
        String program = header.interpreter() == null
                ? "/bin/sh"
                : header.interpreter().strip().split("\\s+")[0];
        if (program.startsWith("<")) {
            return Optional.of(new Dependency(
                    "rpmlib(BuiltinLuaScripts)", Dependency.RPMLIB | Dependency.LESS | Dependency.EQUAL, "4.2.2-1"));
        }
        return program.startsWith("/") ? Optional.of(new Dependency(program, flag | INTERP, null)) : Optional.empty();
    }

    /** The scriptlet's {@code RPMSENSE_SCRIPT_*} bit (0 for triggers), or -1 for a section that is no script. */
    private static int flag(SectionKind kind) {
        return switch (kind) {
            case PRE -> 1 << 9;
            case POST -> 1 << 10;
            case PREUN -> 1 << 11;
            case POSTUN -> 1 << 12;
            case VERIFYSCRIPT -> 1 << 13;
            case PRETRANS -> 1 << 7;
            case POSTTRANS -> 1 << 5;
            case PREUNTRANS -> 1 << 20;
            case POSTUNTRANS -> 1 << 21;
            default ->
                kind.category() == SectionKind.Category.TRIGGER || kind.category() == SectionKind.Category.FILE_TRIGGER
                        ? 0
                        : -1;
        };
    }
}
