package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.Project;
import dev.keel.core.lock.LockStore;
import dev.keel.core.source.DistGitProjects;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.source.FetchPolicy;
import dev.keel.core.source.MirrorCache;
import dev.keel.core.source.UpstreamRepo;
import dev.keel.core.update.ComponentUpdater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases from the project's own history: each committed lock-fingerprint change (and an
 * uncommitted one) is a release, for a static Release and for %autorelease, with real upstream
 * and project git repositories.
 */
class ProjectHistoryRenderTest {

    private static final String OVERLAY = """
            [[components.hello.overlays]]
            description = "Brand it"
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"
            """;

    @TempDir
    Path dir;

    private UpstreamRepo upstream;
    private UpstreamRepo projectRepo;
    private int day;

    @BeforeEach
    void createRepositories() throws Exception {
        upstream = new UpstreamRepo(dir.resolve("upstream/hello.git"), "f43");
        projectRepo = new UpstreamRepo(dir.resolve("project"), "main");
    }

    @AfterEach
    void close() {
        upstream.close();
        projectRepo.close();
    }

    private Instant next() {
        return Instant.parse("2026-04-01T09:00:00Z").plusSeconds(86_400L * day++);
    }

    private static String spec(String release) {
        return "Name: hello\nVersion: 2\nRelease: " + release + "\nSummary: Hello\nLicense: MIT\n\n"
                + "%description\nHello.\n\n%changelog\n%autochangelog\n";
    }

    private Project project(String extra) throws Exception {
        return DistGitProjects.load(dir.resolve("project"), dir.resolve("upstream"), "[components.hello]\n" + extra);
    }

    /** Runs component update and commits the lock in the project repository. */
    private void updateAndCommit(Project project, String message) throws Exception {
        LockStore locks = new LockStore(project.lockDir());
        DistGitSource source =
                new DistGitSource(project, new MirrorCache(dir.resolve("cache"), FetchPolicy.DEFAULT), locks);
        new ComponentUpdater(project, source, locks, 1)
                .update(project.components().values(), true, false, false, result -> {});
        projectRepo.commit("azldev.toml", Files.readString(project.configFile()), message, next());
        projectRepo.commit("locks/hello.lock", Files.readString(locks.path("hello")), message, next());
    }

    private String render(Project project) throws Exception {
        LockStore locks = new LockStore(project.lockDir());
        RenderPipeline pipeline = new RenderPipeline(
                project,
                new DistGitSource(project, new MirrorCache(dir.resolve("cache"), FetchPolicy.DEFAULT), locks),
                new RenderPipeline.Options(dir.resolve("out"), false, false, false, 1, dir.resolve("render-cache")));
        for (RenderResult result :
                pipeline.run(project.components().values(), r -> {}).results()) {
            assertThat(result.outcome().isFailed())
                    .as(result.component() + ": " + result.outcome())
                    .isFalse();
        }
        return Files.readString(dir.resolve("out/h/hello/hello.spec"));
    }

    @Test
    void aStaticReleaseRisesWithEveryProjectChangeCommittedOrNot() throws Exception {
        upstream.commit("hello.spec", spec("3%{?dist}"), "Initial import", next());
        Project plain = project("");
        assertThat(render(plain)).contains("Release: 3%{?dist}");

        updateAndCommit(plain, "Import hello");
        assertThat(render(plain)).contains("Release: 4%{?dist}");

        Project branded = project(OVERLAY);
        assertThat(render(branded)).as("uncommitted change").contains("Release: 5%{?dist}");
        updateAndCommit(branded, "Brand hello");
        assertThat(render(branded)).as("the same change, committed").contains("Release: 5%{?dist}");

        Project redescribed = project(OVERLAY.replace("Brand it", "Brand it, as policy says"));
        updateAndCommit(redescribed, "Reword an overlay description");
        assertThat(render(redescribed)).as("documentation is not a change").contains("Release: 5%{?dist}");
    }

    @Test
    void autoreleaseCountsProjectChangesAndTheChangelogNamesThem() throws Exception {
        upstream.commit("hello.spec", spec("%autorelease"), "Initial import", next());
        upstream.commit("hello.spec", spec("%autorelease"), "Fix the build", next());
        Project plain = project("release = { calculation = \"autorelease\" }\n");
        updateAndCommit(plain, "Import hello");
        Project branded = project("release = { calculation = \"autorelease\" }\n" + OVERLAY);
        updateAndCommit(branded, "Brand hello");
        String rendered = render(branded);
        assertThat(rendered).contains("    release_number = 4;\n");
        assertThat(rendered).contains("""
                        %changelog
                        ## START: Generated by rpmautospec
                        * Mon Apr 06 2026 Upstream Packager <up@example.org> - 2-4
                        - Brand hello

                        * Sat Apr 04 2026 Upstream Packager <up@example.org> - 2-3
                        - Import hello

                        * Thu Apr 02 2026 Upstream Packager <up@example.org> - 2-2
                        - Fix the build

                        * Wed Apr 01 2026 Upstream Packager <up@example.org> - 2-1
                        - Initial import
                        ## END: Generated by rpmautospec
                        """);
    }

    @Test
    void upstreamProvenanceMacrosNameThePristineVersionAndRelease() throws Exception {
        upstream.commit("hello.spec", spec("%autorelease"), "Initial import", next());
        upstream.commit("hello.spec", spec("%autorelease"), "Fix the build", next());
        render(project("build = { emit-upstream-provenance = true }\n" + OVERLAY));
        String macros = Files.readString(dir.resolve("out/h/hello/hello.azl.macros"));
        assertThat(macros).contains("%fedora_upstream_release 2.fc43\n").contains("%fedora_upstream_version 2\n");

        upstream.commit("hello.spec", spec("3%{?dist}"), "Back to a static release", next());
        render(project(
                "build = { emit-upstream-provenance = true, defines = { fedora_upstream_version = \"mine\" } }\n"));
        macros = Files.readString(dir.resolve("out/h/hello/hello.azl.macros"));
        assertThat(macros).contains("%fedora_upstream_release 3.fc43\n").contains("%fedora_upstream_version mine\n");
    }

    @Test
    void aLocalSpecStartsFromAnInitialSourcesCommitAndCountsItsChanges() throws Exception {
        upstream.commit("hello.spec", spec("1%{?dist}"), "Initial import", next());
        Path tool = Files.createDirectories(dir.resolve("project/local/tool"));
        Files.writeString(tool.resolve("tool.spec"), spec("%autorelease").replace("Name: hello", "Name: tool"));
        String components = "[components.tool]\nspec = { type = \"local\", path = \"local/tool/tool.spec\" }\n";
        Project project = DistGitProjects.load(
                dir.resolve("project"), dir.resolve("upstream"), components + "[components.hello]\n");
        render(project);
        assertThat(Files.readString(dir.resolve("out/t/tool/tool.spec")))
                .contains("    release_number = 1;\n")
                .endsWith("%changelog\n## START: Generated by rpmautospec\n* Thu Jan 01 1970 Keel <keel@local> - 2-1\n"
                        + "- Initial sources\n## END: Generated by rpmautospec\n");

        LockStore locks = new LockStore(project.lockDir());
        DistGitSource source =
                new DistGitSource(project, new MirrorCache(dir.resolve("cache"), FetchPolicy.DEFAULT), locks);
        new ComponentUpdater(project, source, locks, 1)
                .update(project.components().values(), true, false, false, result -> {});
        projectRepo.commit("local/tool/tool.spec", Files.readString(tool.resolve("tool.spec")), "Add tool", next());
        projectRepo.commit("locks/tool.lock", Files.readString(locks.path("tool")), "Lock tool", next());
        render(project);
        assertThat(Files.readString(dir.resolve("out/t/tool/tool.spec")))
                .contains("    release_number = 2;\n")
                .contains("- 2-2\n- Lock tool\n\n* Thu Jan 01 1970 Keel <keel@local> - 2-1\n- Initial sources\n");
    }

    @Test
    void anOverlayThatChangesTheVersionStartsTheReleaseAgain() throws Exception {
        upstream.commit("hello.spec", spec("%autorelease"), "Initial import", next());
        upstream.commit("hello.spec", spec("%autorelease"), "Fix the build", next());
        Project project = project("""
                release = { calculation = "autorelease" }
                [[components.hello.overlays]]
                description = "Move to 3 ahead of upstream"
                type = "spec-update-tag"
                tag = "Version"
                value = "3"
                """);
        updateAndCommit(project, "Move hello to 3");
        String rendered = render(project);
        assertThat(rendered)
                .contains("    release_number = 1;\n")
                .contains("%changelog\n## START: Generated by rpmautospec\n"
                        + "* Sat Apr 04 2026 Upstream Packager <up@example.org> - 3-1\n- Move hello to 3\n\n")
                .contains("- 2-2\n- Fix the build\n");
    }
}
