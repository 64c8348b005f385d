package dev.keel.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example distro shipped inside Keel ({@code examples/demo} in the source tree): the project
 * and the upstream it is built from. Read from the jar, or from the classes directory in a build.
 */
public final class EmbeddedExample {

    private static final String ROOT = "/dev/keel/cli/demo";

    private EmbeddedExample() {}

    /** Copies one part of the example ({@code project} or {@code upstream}) into {@code target}. */
    public static void copy(String part, Path target) throws IOException {
        URL url = EmbeddedExample.class.getResource(ROOT + "/" + part);
        if (url == null) {
            throw new IOException("the embedded example is missing " + part + " (was Keel built with ./mvnw?)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = jarFileSystem(uri)) {
                copyTree(jar.provider().getPath(uri), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IOException("the jar holding the example is already open", e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path destination = target;
            for (Path segment : source.relativize(file)) {
                destination = destination.resolve(segment.toString());
            }
            Files.createDirectories(destination.getParent());
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
