package dev.keel.core.source;

import dev.keel.core.autospec.GitHistory;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.DistroDefinition;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.render.UpstreamSource;
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
        return checkout(component).commit();
    }

    @Override
    public Optional<PackageHistory> history(ResolvedComponent component) throws IOException {
        Checkout checkout = checkout(component);
        try (Repository repository = mirrors.open(checkout.uri());
                RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(ObjectId.fromString(checkout.commit()));
            return Optional.of(
                    GitHistory.load(repository, head, component.upstreamName() + ".spec", checkout.macros()));
        }
    }

    /** The component's upstream checkout, fetched once per run. */
    public Checkout checkout(ResolvedComponent component) throws IOException {
        Checkout known = checkouts.get(component.name());
        if (known != null) {
            return known;
        }
        DistroReference reference = component.upstreamDistro();
        if (reference == null || reference.name() == null) {
            reference = project.config().project() == null
                    ? null
                    : project.config().project().defaultDistro();
        }
        if (reference == null || reference.name() == null) {
            throw new IOException(
                    "component " + component.name() + " has no upstream distro and the project no default-distro");
        }
        DistroDefinition distro = project.distros().get(reference.name());
        if (distro == null || distro.distGitBaseUri() == null) {
            throw new IOException("distro " + reference.name() + " has no dist-git-base-uri");
        }
        String version = reference.version() == null || reference.version().isEmpty()
                ? distro.defaultVersion()
                : reference.version();
        DistroVersionDefinition definition =
                distro.versions() == null ? null : distro.versions().get(version);
        if (definition == null || definition.distGitBranch() == null) {
            throw new IOException("distro " + reference.name() + " version " + version + " has no dist-git-branch");
        }
        String uri = distro.distGitBaseUri()
                .replace("$pkg", URLEncoder.encode(component.upstreamName(), StandardCharsets.UTF_8));
        String locked =
                locks.read(component.name()).map(LockFile::upstreamCommit).orElse(null);
        String pin = component.config().spec() == null
                ? null
                : component.config().spec().upstreamCommit();
        CommitSelector.Request request =
                new CommitSelector.Request(locked, pin, snapshot(reference.snapshot()), definition.distGitBranch());
        try (Repository repository = mirrors.open(uri)) {
            RevCommit commit = CommitSelector.select(repository, request);
            SourceTree tree = GitTrees.read(repository, commit);
            String upstreamSpec = component.upstreamName() + ".spec";
            SourceFile spec = tree.get(upstreamSpec)
                    .orElseThrow(() -> new IOException(uri + " has no " + upstreamSpec + " at " + commit.getName()));
            tree = tree.without(upstreamSpec).with(component.name() + ".spec", spec);
            Checkout checkout = new Checkout(
                    uri, definition.distGitBranch(), commit.getName(), tree, macros(reference.name(), definition));
            checkouts.put(component.name(), checkout);
            return checkout;
        }
    }

    private static MacroContext macros(String distro, DistroVersionDefinition version) {
        MacroContext.Builder builder = MacroContext.builder();
        if (distro.equalsIgnoreCase("fedora")
                && version.releaseVer() != null
                && version.releaseVer().matches("\\d{1,4}")) {
            builder.fedora(Integer.parseInt(version.releaseVer()));
        }
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
