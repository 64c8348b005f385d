package dev.keel.core.render;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.ReleaseCalculation;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.overlay.SourceFile;
import java.util.List;

/**
 * One step of a {@link RenderPlan}: its name and what it reads. Edit steps change the sources and
 * record where each changed line comes from ({@link PlanEdits} applies them); result steps then
 * make the rendered files from the edited sources ({@link RenderRun}).
 */
public sealed interface RenderStep {

    /** How the step is named in plans and provenance. */
    String name();

    /** A step that edits the sources, each of its changes traced to the step or overlay that made it. */
    sealed interface EditStep extends RenderStep {}

    /** A step that reads the edited sources to make or check the rendered files. */
    sealed interface ResultStep extends RenderStep {}

    /**
     * A file Keel writes into the sources before any overlay (the macros file), replacing an
     * upstream file of that name; its lines are the step's.
     *
     * @param at where the step's lines are said to come from (the project's configuration file)
     */
    record Generate(String name, String path, SourceFile file, Location at) implements EditStep {}

    /** Overlays applied to the sources in this order: Keel's own edits, or the component's overlays. */
    record Edits(String name, List<LocatedOverlay> overlays) implements EditStep {
        public Edits {
            overlays = List.copyOf(overlays);
        }
    }

    /**
     * azldev's release bump for the project's own changes of the component, decided on the spec the
     * steps before it made.
     *
     * @param changes how many project changes there are (at least one)
     * @param calculation the component's {@code release.calculation}, or null for the default
     * @param at where the bump's edit is said to come from (the project's configuration file)
     */
    record ReleaseBump(int changes, ReleaseCalculation calculation, Location at) implements EditStep {
        @Override
        public String name() {
            return "render: release bump";
        }
    }

    /**
     * The archives the overlays repacked must have the hashes {@code source-files} records.
     *
     * @param sourceFiles the component's {@code source-files}, or null when it has none
     */
    record ArchiveHashes(List<SourceFileRef> sourceFiles) implements ResultStep {
        @Override
        public String name() {
            return "render: archive hashes";
        }
    }

    /** {@code %autorelease} and {@code %autochangelog} expanded from the history, as rpmautospec does. */
    record Autospec() implements ResultStep {
        @Override
        public String name() {
            return "render: rpmautospec";
        }
    }

    /**
     * The {@code sources} file: the upstream's, merged with {@code source-files} when the component
     * has any.
     *
     * @param sourceFiles the component's {@code source-files}, or null when it has none
     */
    record MergeSources(List<SourceFileRef> sourceFiles) implements ResultStep {
        @Override
        public String name() {
            return "render: sources file";
        }
    }

    /**
     * The sidecar files kept: those the rendered spec references (all when a reference needs macros
     * to read), or all of them.
     *
     * @param keepAll keep every file (prepare-sources, {@code render.skip-file-filter})
     */
    record FilterSidecars(boolean keepAll) implements ResultStep {
        @Override
        public String name() {
            return "render: sidecar files";
        }
    }
}
