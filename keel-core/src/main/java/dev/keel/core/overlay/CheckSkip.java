package dev.keel.core.overlay;

import dev.keel.spec.SectionKind;
import dev.keel.spec.Spec;
import dev.keel.spec.SpecEditor;
import java.util.List;
import java.util.Optional;

/**
 * {@code build.check.skip}: disables {@code %check} by prepending {@code # Check section disabled:
 * REASON}, {@code exit 0} and a blank line to every {@code %check} section, as azldev does. A spec
 * without {@code %check} is left as it is, with a warning (azldev fails the whole preparation).
 */
public final class CheckSkip {

    /** The label of the lines this edit adds. */
    public static final String LABEL = "build.check.skip";

    /** The edited spec, and a warning when there was nothing to disable. */
    public record Result(Spec spec, Optional<String> warning) {}

    private CheckSkip() {}

    public static Result apply(Spec spec, String reason) {
        boolean hasCheck = spec.sections().stream().anyMatch(section -> section.kind() == SectionKind.CHECK);
        if (!hasCheck) {
            return new Result(
                    spec, Optional.of("build.check.skip is set but the spec has no %check section; nothing to skip"));
        }
        List<String> lines = List.of("# Check section disabled: " + reason, "exit 0", "");
        Spec edited = spec;
        for (String name : spec.sections().stream()
                .filter(section -> section.kind() == SectionKind.CHECK)
                .map(section -> section.name())
                .distinct()
                .toList()) {
            edited = SpecEditor.of(edited, LABEL).prependLines(name, "", lines);
        }
        return new Result(edited, Optional.empty());
    }
}
