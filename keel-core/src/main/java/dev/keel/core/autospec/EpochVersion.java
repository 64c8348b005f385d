package dev.keel.core.autospec;

import dev.keel.spec.Spec;
import dev.keel.spec.macro.ExpandedTags;
import dev.keel.spec.macro.MacroContext;
import dev.keel.spec.macro.MacroExpander;
import java.util.Optional;

/**
 * A spec's {@code [epoch:]version} as rpmautospec compares them: from Keel's macro expander, else
 * from rpm itself when {@code rpmspec} is installed, else unknown.
 */
public final class EpochVersion {

    private EpochVersion() {}

    public static Optional<String> of(byte[] spec, MacroContext context) {
        ExpandedTags tags = MacroExpander.evaluate(Spec.parse(spec), context);
        if (!tags.version().isDeterminable()
                || (tags.epoch() != null && !tags.epoch().isDeterminable())) {
            return RpmspecVersion.find().flatMap(rpm -> rpm.epochVersion(spec));
        }
        String epoch = tags.epoch() == null ? "" : tags.epoch().value() + ":";
        return Optional.of(epoch + tags.version().value());
    }
}
