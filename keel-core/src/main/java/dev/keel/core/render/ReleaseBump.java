package dev.keel.core.render;

import dev.keel.core.config.model.ReleaseCalculation;
import dev.keel.core.outcome.Failure;
import dev.keel.spec.Spec;
import dev.keel.spec.Tag;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * azldev's release bump for components with project changes: a static {@code Release: N} or
 * {@code N%{?dist}} becomes {@code N + changes}, so every downstream change is a new release.
 */
final class ReleaseBump {

    private static final Pattern AUTORELEASE = Pattern.compile("%(\\{[?]?autorelease($|[}\\s])|autorelease($|\\s))");
    private static final Pattern BUMPABLE = Pattern.compile("^(\\d+)(%\\{\\??dist\\})?$");

    private ReleaseBump() {}

    /**
     * The bumped Release value for the spec's last main-package {@code Release:} tag, or empty when
     * nothing is bumped (no changes, {@code manual} or {@code autorelease} calculation, or
     * {@code %autorelease} under {@code auto}).
     */
    static Optional<String> value(Spec spec, ReleaseCalculation calculation, int changes) throws RenderException {
        ReleaseCalculation mode = calculation == null ? ReleaseCalculation.AUTO : calculation;
        if (changes == 0 || mode == ReleaseCalculation.MANUAL || mode == ReleaseCalculation.AUTORELEASE) {
            return Optional.empty();
        }
        String release = null;
        for (Tag tag : spec.tags()) {
            if (tag.pkg().isMain() && tag.is("Release")) {
                release = tag.value().strip();
            }
        }
        if (release == null) {
            throw RenderException.of(
                    Failure.Kind.CONFIGURATION,
                    "the spec has no Release tag to bump for " + changes + " project change"
                            + (changes == 1 ? "" : "s"));
        }
        if (AUTORELEASE.matcher(release).find()) {
            if (mode == ReleaseCalculation.STATIC) {
                throw new RenderException(Failure.of(
                                Failure.Kind.CONFIGURATION,
                                "release.calculation is \"static\" but the spec uses %autorelease")
                        .withHint("use release.calculation = \"autorelease\" (or \"auto\")"));
            }
            return Optional.empty();
        }
        Matcher matcher = BUMPABLE.matcher(release);
        if (!matcher.matches()) {
            throw new RenderException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "Release '" + release + "' cannot be bumped for " + changes + " project change"
                                    + (changes == 1 ? "" : "s") + ": only N and N%{?dist} can")
                    .withHint("use release.calculation = \"manual\" and set the Release with a spec-set-tag overlay"));
        }
        long bumped = Long.parseLong(matcher.group(1)) + changes;
        return Optional.of(bumped + (matcher.group(2) == null ? "" : matcher.group(2)));
    }
}
