package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import dev.keel.spec.macro.ExpandedFiles;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a package's {@code %files} entries make knowable before the build, the way rpm's file list
 * and Fedora's dependency generators would provide it:
 *
 * <ul>
 *   <li>every absolute entry without a glob, file or {@code %dir}, is a file provide
 *       ({@code /usr/bin/foo});
 *   <li>{@code /usr/lib64/pkgconfig/NAME.pc} (also {@code /usr/lib}, {@code /usr/share}) gives
 *       {@code pkgconfig(NAME)}, without a version (the version is in the {@code .pc} file, which
 *       only the build writes, so a versioned requirement is taken as satisfied);
 *   <li>{@code /usr/lib64/libNAME.so.N} (also {@code libNAME.so.N.M...}, {@code libNAME.so.N*},
 *       {@code libNAME.so.N.*}) gives the soname {@code libNAME.so.N()(64bit)} ({@code libNAME.so.N}
 *       under {@code /usr/lib}), assuming the library's soname is its name up to the major number;
 *   <li>a Perl module file under perl's directories ({@code /usr/share/perl5},
 *       {@code /usr/lib64/perl5} and their {@code vendor_perl}), {@code .../Foo/Bar.pm}, gives
 *       {@code perl(Foo::Bar)}, as Fedora's perl generator does for a module whose package is its path;
 *   <li>a CMake config file {@code /usr/lib64/cmake/DIR/NAMEConfig.cmake} or
 *       {@code NAME-config.cmake} (also {@code /usr/lib}, {@code /usr/share}) gives
 *       {@code cmake(NAME)} and {@code cmake(name)}, as Fedora's CMake generator does; a listed
 *       package directory {@code /usr/lib64/cmake/NAME} is taken to hold {@code NAMEConfig.cmake},
 *       as CMake packages are laid out.
 * </ul>
 *
 * And Fedora's naming rule for Perl distributions: a package {@code perl-Foo-Bar} whose {@code %files}
 * cover {@code Foo/Bar.pm} in one of perl's directories with a glob or a directory
 * ({@code %{perl_vendorlib}/*}) provides {@code perl(Foo::Bar)}, without a version (perl's generator
 * reads the module at build time; its other modules stay unknown).
 *
 * <p>Not derived: anything else behind a glob than the soname patterns ({@code %{_bindir}/*}),
 * {@code -f} file lists (the build writes them), and what other generators compute from file
 * contents ({@code python3dist(...)}, {@code perl(...)}, {@code font(...)}, {@code crate(...)},
 * versions of {@code pkgconfig(...)} and {@code cmake(...)}).
 */
final class FileProvides {

    private static final Pattern PKGCONFIG = Pattern.compile("/usr/(?:lib64|lib|share)/pkgconfig/([^/]+)\\.pc");
    private static final Pattern SONAME =
            Pattern.compile("(?:/usr)?/(lib64|lib)/(lib[^/*?\\[\\]{}]*\\.so\\.\\d+)(?:[.*].*)?");
    private static final Pattern PERL_MODULE =
            Pattern.compile("/usr/(?:share/perl5|lib64/perl5|lib/perl5)(?:/vendor_perl)?/([A-Za-z_][\\w/]*)\\.pm");
    private static final Pattern CMAKE_DIR = Pattern.compile("/usr/(?:lib64|lib|share)/cmake/([^/]+)/?");
    private static final Pattern CMAKE_CONFIG =
            Pattern.compile("/usr/(?:lib64|lib|share)/cmake/[^/]+/([^/]+?)(?:Config|-config)\\.cmake");

    private static final Pattern PERL_DISTRIBUTION = Pattern.compile("perl-([A-Za-z_]\\w*(?:-[A-Za-z_]\\w*)*)");
    private static final List<String> PERL_DIRECTORIES = List.of(
            "/usr/share/perl5/vendor_perl", "/usr/lib64/perl5/vendor_perl", "/usr/share/perl5", "/usr/lib64/perl5");

    private FileProvides() {}

    static List<Dependency> of(ExpandedFiles files) {
        List<Dependency> provides = new ArrayList<>();
        for (String path : entries(files)) {
            String normalized = withoutTrailingSlash(path);
            boolean glob = normalized.chars().anyMatch(c -> "*?[]{}".indexOf(c) >= 0);
            if (!glob) {
                provides.add(Dependency.of(normalized));
                match(PKGCONFIG, normalized).ifPresent(name -> provides.add(Dependency.of("pkgconfig(" + name + ")")));
                match(PERL_MODULE, normalized)
                        .ifPresent(name -> provides.add(Dependency.of("perl(" + name.replace("/", "::") + ")")));
            }
            Matcher soname = SONAME.matcher(normalized);
            if (soname.matches()) {
                provides.add(Dependency.of(soname.group(2) + (soname.group(1).equals("lib64") ? "()(64bit)" : "")));
            }
            Optional<String> cmake =
                    glob ? Optional.empty() : match(CMAKE_CONFIG, normalized).or(() -> match(CMAKE_DIR, normalized));
            if (cmake.isPresent()) {
                provides.add(Dependency.of("cmake(" + cmake.get() + ")"));
                provides.add(Dependency.of("cmake(" + cmake.get().toLowerCase(Locale.ROOT) + ")"));
            }
        }
        return provides;
    }

    /** {@code perl(Foo::Bar)} when {@code perl-Foo-Bar}'s files cover {@code Foo/Bar.pm} in a perl directory. */
    static Optional<Dependency> perlDistribution(String packageName, ExpandedFiles files) {
        Matcher name = PERL_DISTRIBUTION.matcher(packageName == null ? "" : packageName);
        if (!name.matches()) {
            return Optional.empty();
        }
        String module = name.group(1).replace("-", "/") + ".pm";
        for (String entry : entries(files)) {
            Optional<PathMatcher> glob = glob(withoutTrailingSlash(entry));
            if (glob.isPresent()
                    && PERL_DIRECTORIES.stream().anyMatch(root -> covers(glob.get(), root + "/" + module))) {
                return Optional.of(Dependency.of("perl(" + name.group(1).replace("-", "::") + ")"));
            }
        }
        return Optional.empty();
    }

    /** The package's file and directory entries. */
    private static List<String> entries(ExpandedFiles files) {
        List<String> entries = new ArrayList<>(files.paths());
        entries.addAll(files.directories());
        return entries;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** An absolute {@code %files} entry as a glob (a plain path matches itself), or empty when it is not one. */
    private static Optional<PathMatcher> glob(String entry) {
        if (!entry.startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileSystems.getDefault().getPathMatcher("glob:" + entry));
        } catch (PatternSyntaxException e) {
            return Optional.empty(); // rpm would find no file for such a glob either
        }
    }

    /** Whether an entry takes in {@code file}: it matches the file or one of its directories. */
    private static boolean covers(PathMatcher entry, String file) {
        for (Path path = Path.of(file); path != null && path.getNameCount() > 0; path = path.getParent()) {
            if (entry.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> match(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
