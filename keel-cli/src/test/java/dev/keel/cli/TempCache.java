package dev.keel.cli;

import dev.keel.core.io.FileTrees;
import dev.keel.core.io.KeelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Points Keel's cache at a fresh directory for each test (never the real home), and back after it. */
final class TempCache implements BeforeEachCallback, AfterEachCallback {

    private String previous;
    private Path directory;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        previous = System.getProperty(KeelCache.PROPERTY);
        directory = Files.createTempDirectory("keel-cache");
        System.setProperty(KeelCache.PROPERTY, directory.toString());
    }

    /** The cache directory of the running test. */
    Path directory() {
        return directory;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (previous == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previous);
        }
        FileTrees.delete(directory);
    }
}
