package dev.keel.cli.demo;

import com.sun.net.httpserver.HttpServer;
import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.TomlDocuments;
import dev.keel.core.io.FileTrees;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Daemon;

/**
 * The example upstream: one dist-git repository per package, generated from the package's
 * {@code history.toml} (commits with fixed dates and authors, so the same commit ids every time)
 * into {@code git/<package>}, its lookaside archives into {@code lookaside/<package>/}; read from
 * there with {@code file} URLs, or served read-only on loopback (git protocol and HTTP).
 */
public final class ExampleUpstream implements AutoCloseable {

    /** The branch every example repository has. */
    public static final String BRANCH = "main";

    private static final Pattern AUTHOR = Pattern.compile("(.+?)\\s*<([^>]+)>");

    /** A {@code files} value that stands for the generated {@code sources} file. */
    private static final String GENERATED_SOURCES = "@sources";

    private final Daemon daemon;
    private final HttpServer lookaside;

    private ExampleUpstream(Daemon daemon, HttpServer lookaside) {
        this.daemon = daemon;
        this.lookaside = lookaside;
    }

    /**
     * Generates the repositories and lookaside under {@code root} from the package directories in
     * {@code source}, replacing earlier ones.
     */
    public static void generate(Path source, Path root) throws IOException {
        List<Path> packages;
        try (Stream<Path> list = Files.list(source)) {
            packages = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path pkg : packages) {
            String name = pkg.getFileName().toString();
            generate(
                    pkg,
                    root.resolve("git").resolve(name),
                    ExampleLookaside.pack(pkg, lookaside(root).resolve(name)));
        }
    }

    /** Serves an upstream {@link #generate} made under {@code root}, on the preferred ports when they are free. */
    public static ExampleUpstream serve(Path root, int preferredGitPort, int preferredHttpPort) throws IOException {
        Daemon daemon = start(root.resolve("git"), preferredGitPort);
        try {
            return new ExampleUpstream(daemon, ExampleLookaside.serve(lookaside(root), preferredHttpPort));
        } catch (IOException e) {
            daemon.stop();
            throw e;
        }
    }

    /** The {@code file} URL template of a generated upstream's repositories, with {@code $pkg}. */
    public static String localBaseUri(Path root) {
        return root.resolve("git").toAbsolutePath().toUri() + "$pkg";
    }

    /** The {@code file} URL template of a generated upstream's lookaside, with {@code $pkg} and {@code $filename}. */
    public static String localLookasideUri(Path root) {
        return lookaside(root).toAbsolutePath().toUri() + "$pkg/$filename";
    }

    private static Path lookaside(Path root) {
        return root.resolve("lookaside");
    }

    /** The served lookaside's URL template, {@code http://127.0.0.1:PORT/lookaside/$pkg/$filename}. */
    public String lookasideUri() {
        return "http://127.0.0.1:" + lookaside.getAddress().getPort() + "/lookaside/$pkg/$filename";
    }

    /** The served dist-git's URL template, {@code git://127.0.0.1:PORT/$pkg.git}. */
    public String baseUri() {
        return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/$pkg.git";
    }

    private static Daemon start(Path root, int preferredPort) throws IOException {
        try {
            return start(root, new InetSocketAddress("127.0.0.1", preferredPort));
        } catch (IOException e) {
            return start(root, new InetSocketAddress("127.0.0.1", 0));
        }
    }

    private static Daemon start(Path root, InetSocketAddress address) throws IOException {
        Daemon daemon = new Daemon(address);
        daemon.setRepositoryResolver((request, name) -> open(root, name));
        daemon.start();
        return daemon;
    }

    private static Repository open(Path root, String name) throws RepositoryNotFoundException {
        String pkg = name.replaceFirst("^/", "").replaceFirst("\\.git$", "");
        Path dir = root.resolve(pkg).normalize();
        if (!pkg.matches("[A-Za-z0-9._+-]+") || !Files.isDirectory(dir.resolve(".git"))) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(dir.resolve(".git").toFile())
                    .build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    private static void generate(Path source, Path target, String sources) throws IOException {
        Path historyFile = source.resolve("history.toml");
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode.Table history = TomlDocuments.read(historyFile, Files.readAllBytes(historyFile), errors);
        if (!errors.isEmpty()) {
            throw new IOException(errors.get(0).toString());
        }
        FileTrees.delete(target);
        try (Git git = Git.init()
                .setDirectory(target.toFile())
                .setInitialBranch(BRANCH)
                .call()) {
            if (history.get("commit") instanceof ConfigNode.Array commits) {
                for (ConfigNode node : commits.items()) {
                    commit(git, source, target, (ConfigNode.Table) node, sources);
                }
            }
        } catch (GitAPIException | ClassCastException e) {
            throw new IOException(historyFile + ": " + e.getMessage(), e);
        }
    }

    private static void commit(Git git, Path source, Path target, ConfigNode.Table commit, String sources)
            throws IOException, GitAPIException {
        if (commit.get("files") instanceof ConfigNode.Table files) {
            for (Map.Entry<String, ConfigNode> file : files.entries().entrySet()) {
                Path destination = target.resolve(file.getKey()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException(file.getKey() + " leaves the repository");
                }
                Files.createDirectories(destination.getParent());
                String from = text(file.getValue());
                if (from.equals(GENERATED_SOURCES)) {
                    Files.writeString(destination, sources);
                } else {
                    Files.copy(source.resolve(from), destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                git.add().addFilepattern(file.getKey()).call();
            }
        }
        if (commit.get("remove") instanceof ConfigNode.Array removed) {
            for (ConfigNode path : removed.items()) {
                git.rm().addFilepattern(text(path)).call();
            }
        }
        Matcher author = AUTHOR.matcher(text(commit.get("author")));
        if (!author.matches()) {
            throw new IOException("author must read 'Name <email>'");
        }
        PersonIdent who = new PersonIdent(
                new PersonIdent(author.group(1), author.group(2)),
                java.util.Date.from(Instant.parse(text(commit.get("date")))),
                TimeZone.getTimeZone("UTC"));
        git.commit()
                .setMessage(text(commit.get("message")))
                .setAuthor(who)
                .setCommitter(who)
                .setAllowEmpty(true)
                .setSign(false)
                .call();
    }

    private static String text(ConfigNode node) throws IOException {
        if (node instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String value) {
            return value;
        }
        throw new IOException("expected a string");
    }

    @Override
    public void close() {
        daemon.stop();
        lookaside.stop(0);
    }
}
