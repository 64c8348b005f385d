package dev.keel.core.update;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.Parallel;
import dev.keel.core.lock.InputFingerprint;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.outcome.Failures;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.render.LocalSpecs;
import dev.keel.core.source.DistGitSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code component update}: resolves each component's upstream commit and writes its lock file
 * (azldev's format and rules). A lock whose resolution inputs are unchanged keeps its commit
 * (except for components that follow a branch head); the fingerprint is always recomputed;
 * {@code import-commit} is written once; {@code --bump} raises {@code manual-bump} without
 * touching the network. Nothing is written when any component fails, or when only checking.
 */
public final class ComponentUpdater {

    /** What happened to a component's lock. */
    public enum Change {
        CURRENT,
        ADDED,
        UPDATED,
        BUMPED,
        PRUNED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One component's outcome: {@code ok} (its lock is added, updated, bumped or pruned),
     * {@code unchanged} (current) or {@code failed}; its lock before and after (null when absent).
     *
     * @param change what happens to the lock, or null when the component failed
     */
    public record Result(String component, Outcome outcome, Change change, LockFile before, LockFile after) {

        static Result of(String component, Change change, LockFile before, LockFile after) {
            return new Result(
                    component, change == Change.CURRENT ? Outcome.unchanged() : Outcome.ok(), change, before, after);
        }
    }

    /** Every outcome, sorted by component name. */
    public record Report(List<Result> results) {

        public boolean failed() {
            return results.stream().anyMatch(r -> r.outcome().isFailed());
        }

        public boolean changed() {
            return results.stream().anyMatch(r -> r.outcome() instanceof Outcome.Ok);
        }
    }

    private final Project project;
    private final DistGitSource upstream;
    private final LockStore locks;
    private final int jobs;

    public ComponentUpdater(Project project, DistGitSource upstream, LockStore locks, int jobs) {
        this.project = project;
        this.upstream = upstream;
        this.locks = locks;
        this.jobs = jobs;
    }

    /**
     * Updates the given components' locks.
     *
     * @param all the selection is every component, so locks of components that no longer exist are pruned
     * @param bump raise each lock's manual bump (the lock must exist)
     * @param checkOnly compute everything, write nothing
     * @param progress told about each component as it is done
     */
    public Report update(
            Collection<ResolvedComponent> components,
            boolean all,
            boolean bump,
            boolean checkOnly,
            Consumer<Result> progress)
            throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>(Parallel.map(components, jobs, component -> {
            Result result = computeOne(component, bump);
            progress.accept(result);
            return result;
        }));
        if (all && !bump) {
            for (String name : locks.names()) {
                if (!project.components().containsKey(name)) {
                    results.add(Result.of(name, Change.PRUNED, locks.read(name).orElse(null), null));
                }
            }
        }
        results.sort(Comparator.comparing(Result::component));
        Report report = new Report(List.copyOf(results));
        if (!checkOnly && !report.failed()) {
            for (Result result : results) {
                if (result.change() == Change.PRUNED) {
                    locks.delete(result.component());
                } else if (result.outcome() instanceof Outcome.Ok) {
                    locks.write(result.component(), result.after());
                }
            }
        }
        return report;
    }

    private Result computeOne(ResolvedComponent component, boolean bump) {
        LockFile before = null;
        try {
            before = locks.read(component.name()).orElse(null);
            if (bump && before == null) {
                throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "has no lock to bump")
                        .withHint("run 'keel component update' for it first"));
            }
            LockFile after = component.specType() == SpecType.LOCAL
                    ? localLock(component, before, bump)
                    : upstreamLock(component, before, bump);
            Change change = before == null
                    ? Change.ADDED
                    : after.equals(before) ? Change.CURRENT : bump ? Change.BUMPED : Change.UPDATED;
            return Result.of(component.name(), change, before, after);
        } catch (IOException | RuntimeException e) {
            return new Result(
                    component.name(), Outcome.failed(Failures.of(e, Failure.Kind.UPSTREAM)), null, before, null);
        }
    }

    private LockFile upstreamLock(ResolvedComponent component, LockFile before, boolean bump) throws IOException {
        DistGitSource.Target target = upstream.target(component);
        String resolution = target.resolutionHash();
        boolean reuse = before != null
                && before.upstreamCommit() != null
                && (bump || (resolution.equals(before.resolutionInputHash()) && !target.tracksHead()));
        String commit = reuse ? before.upstreamCommit() : upstream.resolve(component);
        long manualBump = manualBump(before, bump);
        String importCommit = before != null && before.importCommit() != null ? before.importCommit() : commit;
        return new LockFile(
                importCommit,
                commit,
                manualBump,
                InputFingerprint.of(component, commit, manualBump, target.releaseVer()),
                resolution);
    }

    private LockFile localLock(ResolvedComponent component, LockFile before, boolean bump) throws IOException {
        long manualBump = manualBump(before, bump);
        String identity = new LocalSpecs().identity(component);
        return new LockFile(
                null,
                null,
                manualBump,
                InputFingerprint.of(component, identity, manualBump, project.releaseVer(component)),
                null);
    }

    private static long manualBump(LockFile before, boolean bump) {
        long current = before == null ? 0 : before.manualBump();
        return bump ? current + 1 : current;
    }
}
