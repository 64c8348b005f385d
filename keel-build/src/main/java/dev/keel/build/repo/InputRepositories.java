package dev.keel.build.repo;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.tool.Dnf;
import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.config.model.InputRef;
import dev.keel.core.config.model.Resources;
import dev.keel.core.config.model.RpmRepo;
import dev.keel.core.config.model.RpmRepoSet;
import dev.keel.core.config.model.RpmRepoSetTemplate;
import dev.keel.core.config.model.SubrepoTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RPM-build inputs of the distro version the project builds ({@code inputs.rpm-build} of its
 * {@code default-distro}): repositories of {@code [resources.rpm-repos]} with a {@code base-uri},
 * and the binary sub-repositories of {@code [resources.rpm-repo-sets]} expanded from their
 * template ({@code <name-prefix><subrepo>} at {@code <base-uri>/<subpath>}), as dnf repositories.
 */
public final class InputRepositories {

    /** The repositories, and the inputs that cannot be used (a metalink), as notes. */
    public record Result(List<Dnf.Repository> repositories, List<String> notes) {}

    private InputRepositories() {}

    /** The inputs of the project's build target. */
    public static Result of(Project project) {
        return of(project, BuildTarget.of(project).orElse(null));
    }

    /** The inputs of {@code target} (none when null). */
    public static Result of(Project project, BuildTarget target) {
        List<Dnf.Repository> repositories = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DistroVersionDefinition version = target == null ? null : target.definition();
        Resources resources = project.config().resources();
        if (version == null || version.inputs() == null || version.inputs().rpmBuild() == null || resources == null) {
            return new Result(repositories, notes);
        }
        for (InputRef input : version.inputs().rpmBuild()) {
            if (input.repo() != null) {
                RpmRepo repo = resources.rpmRepos() == null
                        ? null
                        : resources.rpmRepos().get(input.repo());
                if (repo == null) {
                    notes.add("input repository " + input.repo() + " is not defined");
                } else if (repo.baseUri() == null) {
                    notes.add(
                            "input repository " + input.repo() + " has a metalink, which Keel cannot pass to dnf yet");
                } else {
                    repositories.add(repository(
                            input.repo(), repo.baseUri(), Boolean.TRUE.equals(repo.disableGpgCheck()), repo.gpgKey()));
                }
            }
            if (input.set() != null) {
                expand(input.set(), resources, repositories, notes);
            }
        }
        return new Result(repositories, notes);
    }

    private static void expand(
            String name, Resources resources, List<Dnf.Repository> repositories, List<String> notes) {
        RpmRepoSet set =
                resources.rpmRepoSets() == null ? null : resources.rpmRepoSets().get(name);
        RpmRepoSetTemplate template = set == null || resources.rpmRepoSetTemplates() == null
                ? null
                : resources.rpmRepoSetTemplates().get(set.template());
        if (template == null || template.subrepos() == null || set.baseUri() == null) {
            notes.add("input repository set " + name + " has no template with sub-repositories and a base-uri");
            return;
        }
        for (SubrepoTemplate subrepo : template.subrepos()) {
            boolean binary = subrepo.kind() == null || subrepo.kind().equals("binary");
            if (!binary || (set.subrepos() != null && !set.subrepos().contains(subrepo.name()))) {
                continue;
            }
            String base = set.baseUri().endsWith("/") ? set.baseUri() : set.baseUri() + "/";
            String subpath = subrepo.subpath() == null ? "" : subrepo.subpath().replaceFirst("^/+", "");
            repositories.add(repository(
                    (set.namePrefix() == null ? "" : set.namePrefix()) + subrepo.name(),
                    base + subpath,
                    Boolean.TRUE.equals(set.disableGpgCheck()),
                    set.gpgKey()));
        }
    }

    private static Dnf.Repository repository(String id, String baseUri, boolean noCheck, String gpgKey) {
        String key = noCheck || gpgKey == null
                ? null
                : gpgKey.contains("://") ? gpgKey : Path.of(gpgKey).toUri().toString();
        return new Dnf.Repository(id, baseUri, key);
    }
}
