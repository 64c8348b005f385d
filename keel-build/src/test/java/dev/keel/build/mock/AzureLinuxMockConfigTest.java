package dev.keel.build.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.build.backend.BuildTarget;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.config.model.DistroDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the mock configuration of every Azure Linux version and architecture of the real
 * configuration holds every line of the {@code .cfg}/{@code .tpl} files it ships, in order (read
 * here on their own, not with {@link MockConfigChain}), and nothing else but Keel's commented
 * additions. Prints the figures; skips when {@code ../shared} is absent.
 */
class AzureLinuxMockConfigTest {

    private static final Pattern INCLUDE = Pattern.compile("\\s*include\\('([^']+)'\\)\\s*");
    private static final List<String> ARCHES = List.of("x86_64", "aarch64");

    @Test
    void everyVersionAndArchHoldsTheShippedFilesInOrderAndOnlyKeelsCommentedAdditions() throws Exception {
        Path corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus/azurelinux-4.0-config")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(corpus)) {
            System.out.println("AzureLinuxMockConfigTest: SKIPPED, the real configuration is not at " + corpus);
        }
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus + "; skipping");
        Project project = new ProjectLoader(false).load(corpus.resolve("azldev.toml"));
        DistroDefinition azurelinux = project.distros().get("azurelinux");
        List<String> summary = new ArrayList<>();
        int configs = 0;
        for (String version : new java.util.TreeSet<>(azurelinux.versions().keySet())) {
            BuildTarget target = BuildTarget.of(project, "azurelinux", version);
            for (String arch : ARCHES) {
                Path file = Path.of(DistroMacros.mockConfig(target.definition(), arch));
                List<String> shipped = new ArrayList<>();
                int includes = expand(file, file.getParent(), shipped);
                List<String> generated =
                        MockConfig.render(project, target, arch).lines().toList();
                assertThat(MockConfig.render(project, target, arch)).isEqualTo(String.join("\n", generated) + "\n");
                int next = 0;
                int keelComments = 0;
                int keelStatements = 0;
                for (String line : generated) {
                    if (next < shipped.size() && line.equals(shipped.get(next))) {
                        next++;
                    } else if (line.startsWith(MockConfig.MARK)) {
                        keelComments++;
                    } else {
                        assertThat(next)
                                .as(
                                        "%s %s: a line that is neither shipped nor after the chain: %s",
                                        version, arch, line)
                                .isEqualTo(shipped.size());
                        if (!line.isBlank()) {
                            keelStatements++;
                        }
                    }
                }
                assertThat(next)
                        .as("%s %s: shipped lines found in order", version, arch)
                        .isEqualTo(shipped.size());
                configs++;
                summary.add(String.format(
                        "  %s %s: %s, %d shipped lines in order, %d include(s) inlined as comments,"
                                + " %d Keel comment lines, %d Keel statements (the distro macros again)",
                        version,
                        arch,
                        corpus.relativize(file),
                        shipped.size(),
                        includes,
                        keelComments,
                        keelStatements));
            }
        }
        System.out.println("AzureLinuxMockConfigTest: " + configs + " mock configurations checked against the shipped"
                + " files:\n" + String.join("\n", summary)
                + "\n  differences: each include('...') line is a '# Keel:' comment, replaced by the file (as mock"
                + " does); Keel's header; no input repositories (no inputs.rpm-build in the real config); the"
                + " distro macros repeated at the end, as Keel defines them on every build.");
        assertThat(configs).isEqualTo(4);
    }

    /** The lines of {@code file} with each include replaced by its file's, as mock reads them; the include count. */
    private static int expand(Path file, Path directory, List<String> lines) throws Exception {
        int includes = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                includes += 1 + expand(directory.resolve(include.group(1)), directory, lines);
            } else {
                lines.add(line);
            }
        }
        return includes;
    }
}
