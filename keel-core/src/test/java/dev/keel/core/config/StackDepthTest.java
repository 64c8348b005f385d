package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.model.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Nesting right at Keel's limits is handled on a 512 KiB stack (the tests' JVM runs with 4 MiB,
 * the launcher with 4 MiB): the limits are far below what recursion can hold.
 */
class StackDepthTest {

    private static final int SMALL_STACK = 512 * 1024;

    @Test
    void tomlNestedToTheLimitIsParsedBoundAndWalked() throws Exception {
        int depth = TomlParser.MAX_NESTING;
        String arrays = "x = " + "[".repeat(depth) + "1" + "]".repeat(depth) + "\n";
        String tables = "y = " + "{a = ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
        List<ConfigError> errors = onSmallStack(() -> {
            ConfigNode.Table tree = TomlParser.parse(arrays + tables, Path.of("deep.toml"));
            assertThat(TreeJson.plain(tree).toString()).startsWith("{x=[[[[");
            List<ConfigError> found = new ArrayList<>();
            new Binder(found, false).bind(tree, ConfigFile.class, "");
            return found;
        });
        assertThat(errors)
                .extracting(ConfigError::message)
                .containsExactly("unknown key 'x' in the top level", "unknown key 'y' in the top level");
    }

    @Test
    void regexesAndGlobsNestedToTheLimitCompileAndMatch() throws Exception {
        int depth = BoundedRegex.MAX_NESTING;
        String regex = "(a|".repeat(depth) + "b" + ")".repeat(depth);
        String glob = "{a,".repeat(depth) + "b" + "}".repeat(depth);
        assertThat(onSmallStack(() -> BoundedRegex.compile(regex).matcher("xxb").find()
                        && Glob.of(glob).matches("b")))
                .isTrue();
    }

    /** Runs {@code work} on a thread with a 512 KiB stack; any throwable, a StackOverflowError too, fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T onSmallStack(Callable<T> work) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(work.call());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "small-stack",
                SMALL_STACK);
        thread.start();
        thread.join();
        if (outcome.get() instanceof Throwable t) {
            throw new AssertionError("failed on a 512 KiB stack", t);
        }
        return (T) outcome.get();
    }
}
