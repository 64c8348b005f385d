package dev.keel.core.overlay;

import dev.keel.spec.PackageSelector;
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

    /** The warning for a spec that has nothing to skip. */
    public static final String NOTHING_TO_SKIP =
            "build.check.skip is set but the spec has no %check section; nothing to skip";

    /** The edited spec, and a warning when there was nothing to disable. */
    public record Result(Spec spec, Optional<String> warning) {}

    private CheckSkip() {}

    /** The lines prepended to {@code %check}. */
    public static List<String> lines(String reason) {
        return List.of("# Check section disabled: " + reason, "exit 0", "");
    }

    /** The {@code %check} section names as written (usually just {@code %check}). */
    public static List<String> sectionNames(Spec spec) {
        return spec.sections().stream()
                .filter(section -> section.kind() == SectionKind.CHECK)
                .map(section -> section.name())
                .distinct()
                .toList();
    }

    public static Result apply(Spec spec, String reason) {
        List<String> names = sectionNames(spec);
        if (names.isEmpty()) {
            return new Result(spec, Optional.of(NOTHING_TO_SKIP));
        }
        Spec edited = spec;
        for (String name : names) {
            edited = SpecEditor.of(edited, LABEL).prependLines(name, PackageSelector.main(), lines(reason));
        }
        return new Result(edited, Optional.empty());
    }
}
