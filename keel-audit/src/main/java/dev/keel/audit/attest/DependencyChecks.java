package dev.keel.audit.attest;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import dev.keel.core.render.RenderException;
import dev.keel.core.render.SourcesFile;
import dev.keel.core.source.LookasideEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The check of each resolved dependency of an attestation, as far as the project allows: a project
 * file by its digest, the dist-git commit against the lock the attestation names, a lookaside file
 * against the {@code sources} file among its subjects. A spec snapshot's spec, and a role Keel does
 * not know, are reported unchecked.
 */
final class DependencyChecks {

    private final Path root;
    private final ProjectFileCheck files;

    /**
     * @param root the project directory, absolute and normalized
     * @param files the check of the project's files
     */
    DependencyChecks(Path root, ProjectFileCheck files) {
        this.root = root;
        this.files = files;
    }

    /** Checks one dependency of {@code statement} as its role allows. */
    Check check(ResourceDescriptor dependency, Statement statement) {
        if (ComponentProvenance.isProjectFile(dependency)) {
            return files.check("dependency", dependency);
        }
        return switch (dependency.role()) {
            case ComponentProvenance.ROLE_DIST_GIT -> distGit(dependency, statement);
            case ComponentProvenance.ROLE_LOOKASIDE -> lookaside(dependency, statement);
            case ComponentProvenance.ROLE_UPSTREAM_SPEC ->
                unchecked(dependency, "a spec snapshot's spec, which is not in the project");
            default -> unchecked(dependency, "not a dependency Keel knows how to check");
        };
    }

    /** The dist-git commit is the one the attested lock file locks. */
    private Check distGit(ResourceDescriptor dependency, Statement statement) {
        String commit = dependency.digest().get("gitCommit");
        Optional<ResourceDescriptor> lock = statement.predicate().buildDefinition().resolvedDependencies().stream()
                .filter(resource -> resource.role().equals(ComponentProvenance.ROLE_LOCK) && resource.name() != null)
                .findFirst();
        if (commit == null || lock.isEmpty()) {
            return unchecked(dependency, "no lock file in the attestation to compare the commit with");
        }
        Check lockCheck = files.check("dependency", lock.get());
        if (lockCheck.status() != Status.OK) {
            return failed(dependency, "its lock file does not check: " + lockCheck.detail());
        }
        return lockedCommit(dependency, commit, lock.get().name());
    }

    /** The commit against the one the lock file {@code lockName}, which checked, locks. */
    private Check lockedCommit(ResourceDescriptor dependency, String commit, String lockName) {
        Path lockFile = root.resolve(lockName);
        String stem = lockFile.getFileName().toString().replaceFirst("\\.lock$", "");
        try {
            Optional<String> locked =
                    new LockStore(lockFile.getParent()).read(stem).map(LockFile::upstreamCommit);
            if (locked.isPresent() && locked.get().equalsIgnoreCase(commit)) {
                return ok(dependency, "commit " + commit + " is the one " + lockName + " locks");
            }
            return failed(
                    dependency,
                    lockName + " locks " + locked.map(UntrustedText::printable).orElse("no commit") + ", not "
                            + UntrustedText.printable(commit));
        } catch (IOException | RuntimeException e) {
            return failed(
                    dependency,
                    "cannot read " + lockName + ": "
                            + Failures.of(e, Failure.Kind.FILESYSTEM).message());
        }
    }

    /** A lookaside file is listed, with the same hash, in the attested {@code sources} file. */
    private Check lookaside(ResourceDescriptor dependency, Statement statement) {
        Optional<ResourceDescriptor> sources = statement.subject().stream()
                .filter(subject -> subject.name() != null && subject.name().endsWith("/sources"))
                .findFirst();
        if (sources.isEmpty()) {
            return unchecked(dependency, "no sources file among the subjects to compare with");
        }
        Check sourcesCheck = files.check("subject", sources.get());
        if (sourcesCheck.status() != Status.OK) {
            return failed(dependency, "the sources file does not check: " + sourcesCheck.detail());
        }
        return listed(dependency, sources.get().name());
    }

    /** The lookaside file against its line in the {@code sources} file {@code sourcesName}, which checked. */
    private Check listed(ResourceDescriptor dependency, String sourcesName) {
        try {
            byte[] text = InputFiles.read(root.resolve(sourcesName), InputFiles.Kind.SOURCE);
            for (LookasideEntry entry :
                    SourcesFile.parse(new String(text, StandardCharsets.UTF_8)).lookasideEntries()) {
                String hash = dependency.digest().get(entry.hashType().toLowerCase(Locale.ROOT));
                if (entry.filename().equals(dependency.name()) && hash != null) {
                    return hash.equalsIgnoreCase(entry.hash())
                            ? ok(dependency, "as " + sourcesName + " lists it")
                            : failed(dependency, sourcesName + " gives it another " + entry.hashType() + " hash");
                }
            }
            return failed(dependency, sourcesName + " does not list it with that hash type");
        } catch (RenderException e) {
            return failed(
                    dependency,
                    "the sources file does not parse: " + e.failure().message());
        } catch (IOException e) {
            return failed(dependency, FileErrors.cannotRead(sourcesName, e));
        }
    }

    private static Check ok(ResourceDescriptor dependency, String detail) {
        return new Check("dependency", dependency.label(), Status.OK, detail);
    }

    private static Check failed(ResourceDescriptor dependency, String detail) {
        return new Check("dependency", dependency.label(), Status.FAILED, detail);
    }

    private static Check unchecked(ResourceDescriptor dependency, String why) {
        return new Check("dependency", UntrustedText.printable(dependency.label()), Status.UNCHECKED, why);
    }
}
