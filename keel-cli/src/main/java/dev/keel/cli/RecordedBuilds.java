package dev.keel.cli;

import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.build.BuildRecords;
import dev.keel.build.repo.BuildRecord;
import dev.keel.core.config.Project;
import dev.keel.core.io.KeelCache;
import java.util.List;
import java.util.Optional;

/**
 * The components' last builds as {@code keel attest} and {@code keel sbom} take them: what Keel's
 * build records say each published in the project's output directory, or why that is no longer
 * there as it was published.
 */
final class RecordedBuilds implements BuiltOutputs {

    private final BuildRecords records;

    private RecordedBuilds(Project project) {
        this.records = new BuildRecords(KeelCache.directory(), project.outputDir());
    }

    /** The project's recorded builds, or none with {@code --rendered-only}. */
    static BuiltOutputs of(Project project, boolean renderedOnly) {
        return renderedOnly ? BuiltOutputs.NONE : new RecordedBuilds(project);
    }

    @Override
    public LastBuild of(String component) {
        Optional<BuildRecord> record = records.read(component);
        if (record.isEmpty()) {
            return new NotBuilt();
        }
        List<String> problems = records.problems(record.get());
        return problems.isEmpty() ? new Published(records.files(record.get())) : new Damaged(problems);
    }
}
