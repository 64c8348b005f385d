package dev.keel.build.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** azldev's publish-channel resolution, layer by layer. */
class PublishChannelsTest {

    @TempDir
    Path dir;

    private Project project() throws Exception {
        Files.writeString(dir.resolve("azldev.toml"), """
                [default-package-config.publish]
                rpm-channel = "project-rpms"
                debuginfo-channel = "project-debug"

                [default-component-config.publish]
                srpm-channel = "sources"

                [package-groups.base]
                packages = ["curl", "libcurl-debuginfo"]
                default-package-config.publish.channel = "base"

                [package-groups.sdk]
                packages = ["libcurl-devel"]
                default-package-config.publish.rpm-channel = "sdk"

                [components.curl]
                spec = { type = "local", path = "curl.spec" }
                publish = { rpm-channel = "curl-rpms", debuginfo-channel = "curl-debug" }
                packages.libcurl-devel.publish.rpm-channel = "curl-devel-own"
                packages.curl-minimal.publish.channel = "minimal"

                [components.plain]
                spec = { type = "local", path = "plain.spec" }
                """);
        Files.writeString(dir.resolve("curl.spec"), "Name: curl\n");
        Files.writeString(dir.resolve("plain.spec"), "Name: plain\n");
        return new ProjectLoader(false).load(dir.resolve("azldev.toml"));
    }

    @ParameterizedTest(name = "{0} of {1} -> ''{2}''")
    @CsvSource({
        // the component's own channel overrides the project default
        "curl, libcurl, curl-rpms",
        // a package group overrides the component (deprecated channel stands for rpm-channel)
        "curl, curl, base",
        // packages.<name> overrides the group
        "curl, libcurl-devel, curl-devel-own",
        "curl, curl-minimal, minimal",
        // debug packages take the debuginfo channels
        "curl, curl-debuginfo, curl-debug",
        "curl, curl-debugsource, curl-debug",
        "curl, kernel-debuginfo-common-x86_64, curl-debug",
        // a group's rpm channel does not apply to a debug package listed in it
        "curl, libcurl-debuginfo, curl-debug",
        // not a debug package: -debuginfod is another word
        "curl, elfutils-debuginfod, curl-rpms",
        // no component channel: the project default
        "plain, plain, project-rpms",
        "plain, plain-debuginfo, project-debug",
        // the group wins over the project default
        "plain, libcurl-devel, sdk",
    })
    void resolvesLikeAzldev(String component, String pkg, String channel) throws Exception {
        Project project = project();
        assertThat(new PublishChannels(project)
                        .rpmChannel(project.components().get(component).config(), pkg))
                .isEqualTo(channel);
    }

    @Test
    void theSourcePackageTakesTheComponentsSrpmChannel() throws Exception {
        Project project = project();
        assertThat(PublishChannels.srpmChannel(project.components().get("plain").config()))
                .isEqualTo("sources");
        assertThat(PublishChannels.srpmChannel(null)).isEmpty();
    }

    @Test
    void withoutAnyConfigurationThereIsNoChannel() throws Exception {
        Files.writeString(
                dir.resolve("azldev.toml"), "[components.x]\nspec = { type = \"local\", path = \"x.spec\" }\n");
        Files.writeString(dir.resolve("x.spec"), "Name: x\n");
        Project project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        assertThat(new PublishChannels(project)
                        .rpmChannel(project.components().get("x").config(), "x"))
                .isEmpty();
        assertThat(new PublishChannels(project).group("x")).isEmpty();
    }
}
