package dev.keel.build.backend;

import dev.keel.build.tool.ToolCommand;
import dev.keel.build.tool.ToolResult;
import dev.keel.build.tool.ToolRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the build requirements that no build dependency in the layer provides, which the host
 * must therefore provide. The host's rpm database is empty on Debian, so rpm cannot answer; what
 * can be checked honestly is checked: a file requirement ({@code /usr/bin/make}) by the file, a
 * {@code pkgconfig(NAME)} one (with its version) by {@code pkg-config --exists}. Every other kind
 * (package names, {@code perl(...)}, rich dependencies) cannot be checked on such a host and is
 * reported as unchecked.
 */
final class HostRequirements {

    /** What the check found. */
    enum Verdict {
        PRESENT,
        MISSING,
        UNCHECKED
    }

    /**
     * One requirement and what was found.
     *
     * @param requirement as rpm prints it
     * @param verdict present, missing or unchecked
     * @param how how it was checked, or why it could not be
     */
    record Check(String requirement, Verdict verdict, String how) {}

    private static final Pattern PKGCONFIG =
            Pattern.compile("pkgconfig\\(([^()\\s]+)\\)(?:\\s*(<|<=|=|>=|>)\\s*(\\S+))?");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.+-]+");
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private HostRequirements() {}

    static List<Check> check(List<String> requirements, ToolRunner runner, Path log)
            throws IOException, InterruptedException {
        List<Check> checks = new ArrayList<>();
        for (String requirement : requirements) {
            checks.add(checkOne(requirement.strip(), runner, log));
        }
        return checks;
    }

    private static Check checkOne(String requirement, ToolRunner runner, Path log)
            throws IOException, InterruptedException {
        if (requirement.startsWith("/")) {
            boolean present = !requirement.contains("/../") && Files.exists(Path.of(requirement));
            return new Check(
                    requirement, present ? Verdict.PRESENT : Verdict.MISSING, present ? "file found" : "no such file");
        }
        Matcher pkgconfig = PKGCONFIG.matcher(requirement);
        if (pkgconfig.matches()) {
            if (ToolRunner.find("pkg-config").isEmpty()) {
                return new Check(requirement, Verdict.UNCHECKED, "pkg-config is not installed");
            }
            List<String> arguments = new ArrayList<>(List.of("pkg-config", "--exists", "--", pkgconfig.group(1)));
            if (pkgconfig.group(2) != null) {
                arguments.set(3, pkgconfig.group(1) + " " + pkgconfig.group(2) + " " + pkgconfig.group(3));
            }
            ToolResult result = runner.run(ToolCommand.of(TIMEOUT, arguments), log);
            return result.succeeded()
                    ? new Check(requirement, Verdict.PRESENT, "pkg-config finds it")
                    : new Check(requirement, Verdict.MISSING, "pkg-config does not find it");
        }
        if (PLAIN_NAME.matcher(requirement).matches()
                && ToolRunner.find(requirement).isPresent()) {
            return new Check(requirement, Verdict.UNCHECKED, "a program of that name is installed");
        }
        return new Check(requirement, Verdict.UNCHECKED, "no rpm database on this host says who provides it");
    }
}
