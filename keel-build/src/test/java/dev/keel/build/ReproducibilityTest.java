package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.tool.HostTool;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs built twice, from two checkouts at different paths with different caches and
 * a second apart, give byte-identical source and binary RPMs (C and noarch).
 */
class ReproducibilityTest {

    @TempDir
    Path dir;

    @Test
    void twoCheckoutsAtDifferentPathsBuildIdenticalRpms() throws Exception {
        RpmTools.assumeLocalBuild(HostTool.CREATEREPO);
        SortedMap<String, String> first = buildAt(dir.resolve("first/checkout"));
        Thread.sleep(1100);
        SortedMap<String, String> second = buildAt(dir.resolve("second/elsewhere/deeper/checkout"));
        System.err.println("keel: reproducible across checkout paths: " + first.size() + " RPMs, SHA-256 " + first);
        assertThat(first).hasSize(9);
        assertThat(second).isEqualTo(first);
    }

    private SortedMap<String, String> buildAt(Path checkout) throws Exception {
        TestDistro distro = TestDistro.write(checkout);
        Path cache = checkout.resolveSibling(checkout.getFileName() + "-cache");
        BuildPipeline.Report report =
                BuildPipelineTest.build(distro, cache, BuildPipelineTest.options(cache, 2, false, false, null));
        assertThat(report.failed()).as("%s", report).isFalse();
        return BuildPipelineTest.published(checkout.resolve("out"));
    }
}
