package dev.keel.core.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds secrets in a directory tree: in any file or directory name, and in any file's bytes. */
final class SecretScan {

    private SecretScan() {}

    /** Where each secret shows, as {@code path: name} or {@code path: content}; empty when nowhere. */
    static List<String> findings(Path root, String... secrets) throws IOException {
        List<String> findings = new ArrayList<>();
        if (!Files.exists(root)) {
            return findings;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String content = Files.isRegularFile(path)
                        ? new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)
                        : "";
                for (String secret : secrets) {
                    if (root.relativize(path).toString().contains(secret)) {
                        findings.add(path + ": name has " + secret);
                    }
                    if (content.contains(secret)) {
                        findings.add(path + ": content has " + secret);
                    }
                }
            }
        }
        return findings;
    }
}
