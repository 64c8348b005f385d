package dev.keel.core.source;

import dev.keel.core.autospec.GitHistory;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.DistroDefinition;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.io.Sha256Records;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.spec.macro.MacroContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A distro's dist-git: the component's repository ({@code dist-git-base-uri} with {@code $pkg}),
 * on the branch of its distro version, at the commit {@link CommitSelector} chooses (lock, pin,
 * snapshot, head). Repositories come from a shared {@link MirrorCache}. The upstream spec is
 * renamed to {@code <component>.spec}.
 */
public final class DistGitSource implements UpstreamSource {

    /**
     * The commit chosen for a component, the sources at it, and the macros its spec is evaluated
     * with when reading its history (the Fedora layer for a numbered Fedora release).
     */
    public record Checkout(String uri, String branch, String commit, SourceTree tree, MacroContext macros) {}

    private final Project project;
    private final MirrorCache mirrors;
    private final LockStore locks;
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();

    public DistGitSource(Project project, MirrorCache mirrors, LockStore locks) {
        this.project = project;
        this.mirrors = mirrors;
        this.locks = locks;
    }

    @Override
    public Optional<SourceTree> fetch(ResolvedComponent component) throws IOException {
        return Optional.of(checkout(component).tree());
    }

    @Override
    public boolean specOnly() {
        return false;
    }

    @Override
    public String identity(ResolvedComponent component) throws IOException {
        Checkout known = checkouts.get(component.name());
        if (known != null) {
            return known.commit();
        }
        // the commit alone: an unchanged component is skipped without reading its tree
        Target target = target(component);
        String locked = lockedCommit(component);
        try (Repository repository = mirrors.open(target.uri(), known(target, locked))) {
            return CommitSelector.select(repository, request(target, locked, component))
                    .getName();
        }
    }

    @Override
    public Optional<PackageHistory> history(ResolvedComponent component) throws IOException {
        Checkout checkout = checkout(component);
        try (Repository repository = mirrors.open(checkout.uri(), Optional.of(checkout.commit()));
                RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(ObjectId.fromString(checkout.commit()));
            return Optional.of(
                    GitHistory.load(repository, head, component.upstreamName() + ".spec", checkout.macros()));
        }
    }

    /**
     * Where a component's upstream lives and what, besides a lock, decides its commit.
     *
     * @param distro the upstream distro's name
     * @param version the distro version
     * @param releaseVer that version's release-ver
     * @param uri the package's dist-git repository
     * @param branch its branch for the version
     * @param pin the {@code upstream-commit} pin, or null
     * @param snapshot the snapshot as written, or null
     * @param baseUri the distro's dist-git-base-uri, as written (credentials are not a resolution input)
     */
    public record Target(
            String distro,
            String version,
            String releaseVer,
            String baseUri,
            String uri,
            String branch,
            String pin,
            String snapshot,
            String upstreamName) {

        /** The repository as messages name it: its userinfo, if any, shown as {@code ***}. */
        public String address() {
            return Remote.of(uri).toString();
        }

        /** Whether the commit follows the branch head (no pin, no snapshot), so it is never current. */
        public boolean tracksHead() {
            return (pin == null || pin.isEmpty()) && (snapshot == null || snapshot.isEmpty());
        }

        /** azldev's resolution-input-hash: a locked commit is re-resolved when this changes. */
        public String resolutionHash() {
            return new Sha256Records()
                    .add("snapshot", nullToEmpty(snapshot))
                    .add("distro", distro)
                    .add("version", version)
                    .add("dist-git-branch", branch)
                    .add("dist-git-base-uri", Remote.withoutUserinfo(baseUri))
                    .add("upstream-commit", nullToEmpty(pin))
                    .add("upstream-name", upstreamName)
                    .fingerprint();
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    /** The component's upstream checkout, fetched once per run. */
    public Checkout checkout(ResolvedComponent component) throws IOException {
        Checkout known = checkouts.get(component.name());
        if (known != null) {
            return known;
        }
        Target target = target(component);
        String locked = lockedCommit(component);
        try (Repository repository = mirrors.open(target.uri(), known(target, locked))) {
            RevCommit commit = CommitSelector.select(repository, request(target, locked, component));
            SourceTree tree = GitTrees.read(repository, commit);
            String upstreamSpec = component.upstreamName() + ".spec";
            SourceFile spec = tree.get(upstreamSpec)
                    .orElseThrow(() ->
                            new IOException(target.address() + " has no " + upstreamSpec + " at " + commit.getName()));
            tree = tree.without(upstreamSpec).with(component.name() + ".spec", spec);
            Checkout checkout = new Checkout(target.uri(), target.branch(), commit.getName(), tree, macros(target));
            checkouts.put(component.name(), checkout);
            return checkout;
        }
    }

    /**
     * The commit the pin, snapshot or branch head selects now, ignoring any lock (fetches the
     * mirror unless it holds the pinned commit).
     */
    public String resolve(ResolvedComponent component) throws IOException {
        Target target = target(component);
        try (Repository repository = mirrors.open(target.uri(), known(target, null))) {
            return CommitSelector.select(repository, request(target, null, component))
                    .getName();
        }
    }

    /** The component's upstream target, from its distro reference or the project's default distro. */
    public Target target(ResolvedComponent component) throws IOException {
        Project.DistroVersion resolved = project.distroVersion(component)
                .orElseThrow(() -> new IOException(
                        "component " + component.name() + " has no upstream distro and the project no default-distro"));
        DistroDefinition distro = resolved.distro();
        if (distro == null || distro.distGitBaseUri() == null) {
            throw new IOException("distro " + resolved.name() + " has no dist-git-base-uri");
        }
        DistroVersionDefinition definition = resolved.definition();
        if (definition == null || definition.distGitBranch() == null) {
            throw new IOException(
                    "distro " + resolved.name() + " version " + resolved.version() + " has no dist-git-branch");
        }
        String uri = distro.distGitBaseUri()
                .replace("$pkg", URLEncoder.encode(component.upstreamName(), StandardCharsets.UTF_8));
        String pin = component.config().spec() == null
                ? null
                : component.config().spec().upstreamCommit();
        return new Target(
                resolved.name(),
                resolved.version(),
                definition.releaseVer(),
                distro.distGitBaseUri(),
                uri,
                definition.distGitBranch(),
                pin,
                resolved.reference().snapshot(),
                component.upstreamName());
    }

    private String lockedCommit(ResolvedComponent component) throws IOException {
        return locks.read(component.name()).map(LockFile::upstreamCommit).orElse(null);
    }

    /**
     * The commit already chosen (the lock's, else the pin), which a mirror that holds it needs no
     * fetch for; empty when the branch decides.
     */
    private static Optional<String> known(Target target, String locked) {
        return Optional.ofNullable(locked != null ? locked : emptyToNull(target.pin()));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private CommitSelector.Request request(Target target, String locked, ResolvedComponent component)
            throws IOException {
        return new CommitSelector.Request(
                locked,
                emptyToNull(target.pin()),
                snapshot(target.snapshot()),
                target.branch(),
                target.address(),
                locked == null ? null : locks.path(component.name()));
    }

    private static MacroContext macros(Target target) {
        MacroContext.Builder builder = MacroContext.builder();
        Project.fedoraRelease(target.distro(), target.releaseVer()).ifPresent(builder::fedora);
        return builder.build();
    }

    private static Instant snapshot(String text) throws IOException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IOException("snapshot '" + text + "' is not an RFC 3339 time");
        }
    }
}
