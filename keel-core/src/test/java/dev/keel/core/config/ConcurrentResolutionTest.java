package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Components resolve in parallel: every one of them, the first ones included, inherits its
 * distro version's layer however the threads interleave. A layer cached on first use once left
 * one of the first two components without its {@code spec} (about one load in thirty of Azure
 * Linux's configuration, and a release bump in the example distro).
 */
class ConcurrentResolutionTest {

    private static final String PROJECT = """
            [project]
            default-distro = { name = "fedora" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43.default-component-config]
            spec = { upstream-distro = { name = "fedora", version = "43" } }

            [component-groups.base]
            default-component-config = { build = { with = ["base"] } }

            [default-component-config]
            build = { without = ["docs"] }
            """;

    private static final int ROUNDS = 3_000;

    @Test
    void theFirstComponentsResolvedTogetherEachInheritEveryLayer() throws Exception {
        Path file = Path.of("/project/azldev.toml");
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode.Table tree = TomlReader.read(file, PROJECT.getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors).isEmpty();
        ConfigNode.Table own = new ConfigNode.Table(Map.of(), new Location(file, 1, 1), null);
        Map<String, List<String>> groups = Map.of("a", List.of("base"), "b", List.of("base"));
        List<String> missing = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS && missing.isEmpty(); round++) {
                ComponentResolver resolver = new ComponentResolver(tree, groups, file.getParent());
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<ResolvedComponent>> resolved = new ArrayList<>();
                for (String name : List.of("a", "b")) {
                    resolved.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return resolver.resolve(name, own, own.location(), new ArrayList<>());
                            },
                            threads));
                }
                for (CompletableFuture<ResolvedComponent> future : resolved) {
                    ResolvedComponent component = future.join();
                    if (component.config().spec() == null
                            || !component.config().build().with().equals(List.of("base"))
                            || !component.config().build().without().equals(List.of("docs"))) {
                        missing.add("round " + round + ": " + component.name() + " = " + component.config());
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(missing).isEmpty();
    }
}
