package dev.keel.build.mock;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.repo.InputRepositories;
import dev.keel.build.tool.Dnf;
import dev.keel.core.config.Project;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.outcome.PathDisplay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one self-contained mock configuration Keel would use for a distro version and architecture:
 * the version's {@code mock-config} file with its includes inlined as mock executes them
 * ({@link MockConfigChain}), then what Keel adds on top, each part under a {@code # Keel:}
 * comment: the version's {@code inputs.rpm-build} repositories appended to {@code dnf.conf}, and
 * the distro macros Keel defines on every build ({@link DistroMacros}). Keel does not evaluate
 * Python: the lines are copied as they are, and jinja templates are left for mock to expand.
 * Paths in comments are relative to the project, so the text is the same on every machine.
 */
public final class MockConfig {

    /** What Keel writes before each of its own lines. */
    public static final String MARK = "# Keel: ";

    private static final Pattern UNSAFE_IN_DNF_CONF = Pattern.compile("[\\p{Cntrl}\"\\\\]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final StringBuilder out = new StringBuilder();
    private final PathDisplay paths;

    private MockConfig(Project project) {
        this.paths = PathDisplay.machineIndependent(project.root());
    }

    /** The configuration of {@code target} for {@code arch} (an RPM architecture such as x86_64). */
    public static String render(Project project, BuildTarget target, String arch) throws IOException {
        if (target.definition() == null) {
            throw new FailureException(
                    Failure.of(Failure.Kind.CONFIGURATION, "distro " + target.label() + " is not defined")
                            .withHint(versions(project, target.distro())));
        }
        String file = DistroMacros.mockConfig(target.definition(), arch);
        if (file == null) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "distro " + target.label() + " has no mock configuration for " + arch)
                    .withHint("set mock-config (or mock-config-" + arch + ") in [distros." + target.distro()
                            + ".versions.\"" + target.version() + "\"]"));
        }
        MockConfig config = new MockConfig(project);
        config.header(target, arch, Path.of(file));
        config.chain(MockConfigChain.read(Path.of(file)));
        config.inputs(project, target);
        config.macros(DistroMacros.of(project, Optional.of(target), arch), target);
        return config.out.toString();
    }

    private void header(BuildTarget target, String arch, Path file) {
        comment("mock configuration of " + target.label() + " for " + arch + ", written by Keel from "
                + paths.show(file));
        comment("and its includes, inlined as mock reads them, then what Keel adds on top. Keel does not");
        comment("evaluate Python: jinja templates ({{ ... }}, {% ... %}) are left for mock to expand.");
        comment("Use it with mock -r FILE.cfg (mock takes -r as a path when it ends in .cfg).");
    }

    private void chain(List<MockConfigChain.Entry> entries) {
        for (MockConfigChain.Entry entry : entries) {
            if (entry instanceof MockConfigChain.Text text) {
                out.append(text.text()).append('\n');
            } else if (entry instanceof MockConfigChain.Enter enter) {
                comment(enter.text().strip()
                        + (enter.repeated()
                                ? " skipped: " + paths.show(enter.included()) + " is already included (as mock does)"
                                : " inlined: " + paths.show(enter.included())));
            } else if (entry instanceof MockConfigChain.Leave leave) {
                comment("end of " + paths.show(leave.included()));
            }
        }
    }

    private void inputs(Project project, BuildTarget target) throws IOException {
        InputRepositories.Result inputs = InputRepositories.of(project, target);
        out.append('\n');
        inputs.notes().forEach(note -> comment("note: " + note));
        if (inputs.repositories().isEmpty()) {
            comment("no input repositories: " + target.label() + " has no usable inputs.rpm-build");
            return;
        }
        comment("the input repositories of " + target.label() + " (inputs.rpm-build), added to dnf.conf");
        out.append("config_opts['dnf.conf'] = config_opts.get('dnf.conf', '') + \"\"\"\n");
        for (Dnf.Repository repository : inputs.repositories()) {
            out.append('[').append(safe(repository, repository.id())).append("]\n");
            out.append("name=").append(safe(repository, repository.id())).append('\n');
            out.append("baseurl=")
                    .append(safe(repository, repository.baseUri()))
                    .append('\n');
            out.append("enabled=1\n");
            if (repository.gpgKey() == null) {
                out.append("gpgcheck=0\n");
            } else {
                out.append("gpgcheck=1\n");
                out.append("gpgkey=")
                        .append(safe(repository, repository.gpgKey()))
                        .append('\n');
            }
            out.append("skip_if_unavailable=False\n\n");
        }
        out.append("\"\"\"\n");
    }

    private void macros(DistroMacros.Result macros, BuildTarget target) {
        out.append('\n');
        macros.notes().forEach(note -> comment("note: " + note));
        if (macros.macros().isEmpty()) {
            return;
        }
        comment("the distro macros Keel defines on every build of " + target.label() + " (read from the lines above)");
        for (Map.Entry<String, String> macro : macros.macros().entrySet()) {
            Optional<String> literal = literal(macro.getValue());
            if (literal.isEmpty()) {
                comment("macro %" + macro.getKey() + " has both kinds of quote: left as the lines above set it");
            } else {
                out.append("config_opts['macros']['%")
                        .append(macro.getKey())
                        .append("'] = ")
                        .append(literal.get())
                        .append('\n');
            }
        }
    }

    /** A Python string literal of {@code value}, which came from one between quotes of a mock configuration. */
    private static Optional<String> literal(String value) {
        if (!value.contains("'")) {
            return Optional.of("'" + value + "'");
        }
        return value.contains("\"") ? Optional.empty() : Optional.of("\"" + value + "\"");
    }

    /** A value of a repository section, which must not end the section or the Python string. */
    private static String safe(Dnf.Repository repository, String value) throws FailureException {
        if (UNSAFE_IN_DNF_CONF.matcher(value).find()) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "input repository "
                                    + CONTROL.matcher(repository.id()).replaceAll("?")
                                    + " cannot go into a mock configuration: a value has a quote, a backslash"
                                    + " or a control character")
                    .withDetail("value", CONTROL.matcher(value).replaceAll("?"))
                    .withHint("fix the repository's name, base-uri or gpg-key in [resources]"));
        }
        return value;
    }

    private void comment(String text) {
        out.append(MARK).append(CONTROL.matcher(text).replaceAll("?")).append('\n');
    }

    private static String versions(Project project, String distro) {
        var definition = project.distros().get(distro);
        if (definition == null || definition.versions() == null) {
            return "the project defines the distros "
                    + new TreeSet<>(project.distros().keySet());
        }
        return "the versions of " + distro + " are "
                + new TreeSet<>(definition.versions().keySet());
    }
}
