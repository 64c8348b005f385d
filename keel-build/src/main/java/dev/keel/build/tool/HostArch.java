package dev.keel.build.tool;

import java.util.Locale;

/** The host's architecture as RPM names it ({@code x86_64}, {@code aarch64}), from the JVM's. */
public final class HostArch {

    private HostArch() {}

    public static String rpm() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
    }
}
