package dev.keel.build.mock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stand-in for mock(1), which cannot be installed on Debian 12: a POSIX shell script that records
 * the arguments of each call and builds, with the host's rpmbuild, what mock would leave in {@code
 * --resultdir}: for {@code --buildsrpm}, the source RPM of {@code --spec} and {@code --sources}
 * ({@code rpmbuild -bs}); for {@code --rebuild}, a copy of the source RPM and an empty binary RPM of
 * its name, version and release for the host's architecture; each step with a {@code state.log},
 * {@code root.log} and {@code build.log}. {@code --version} prints {@value #VERSION}. An argument
 * mock would not get from Keel ends it with exit status 5. What it does for one component's step
 * can be changed ({@link #behave}).
 */
public final class FakeMock {

    /** What {@code mock --version} prints. */
    public static final String VERSION = "5.9 (Keel's fake mock)";

    /** A step of a build. */
    public enum Step {
        SRPM,
        REBUILD
    }

    /** How a step goes wrong. */
    public enum Behaviour {
        /** exit status 30 (mock's build failure) with an {@code error:} line in build.log. */
        FAIL,
        /** never ends (a {@code sleep} whose process id is kept, see {@link #sleeper}). */
        HANG,
        /** writes the source RPM twice, under two names. */
        TWO_SRPMS,
        /** writes no source RPM. */
        NO_SRPM
    }

    /**
     * One call.
     *
     * @param arguments its arguments, without the program
     * @param repositories for each {@code --addrepo} directory, a line {@code DIR:} and the names
     *     of the files it held during the call
     */
    public record Call(List<String> arguments, List<String> repositories) {}

    private static final String SCRIPT = """
            #!/bin/sh
            # Keel's fake mock, for tests only (see FakeMock.java).
            set -u
            here=${0%/bin/mock}
            n=1
            while ! mkdir "$here/calls/$n" 2>/dev/null; do n=$((n + 1)); done
            call=$here/calls/$n
            for argument in "$@"; do printf '%s\\000' "$argument"; done > "$call/argv"
            if [ "${1-}" = --version ]; then echo "$VERSION"; exit 0; fi
            mode= result= spec= sources= srpm=
            while [ $# -gt 0 ]; do
              case $1 in
                --buildsrpm) mode=srpm ;;
                --rebuild) mode=rebuild; srpm=$2; shift ;;
                --resultdir) result=$2; shift ;;
                --spec) spec=$2; shift ;;
                --sources) sources=$2; shift ;;
                --addrepo) { echo "$2:"; ls -1A "$2"; } >> "$call/repos" 2>&1; shift ;;
                -r|--uniqueext|--with|--without|--define) shift ;;
                --nocheck) ;;
                *) echo "fake mock: unexpected argument: $1" >&2; exit 5 ;;
              esac
              shift
            done
            mkdir -p "$result"
            log=$result/build.log
            if [ "$mode" = srpm ]; then
              name=$(basename "$spec" .spec)
            else
              name=$(rpm -qp --nosignature --qf '%{NAME}' "$srpm")
            fi
            behaviour=$(cat "$here/control/$name.$mode" 2>/dev/null || true)
            echo "fake mock: $mode of $name" > "$result/state.log"
            echo "fake mock: the build root of $name is ready" > "$result/root.log"
            case $behaviour in
              hang)
                sleep 600 &
                echo $! > "$here/control/$name.sleeping"
                wait
                exit 1 ;;
              fail)
                printf 'Executing(%%build): /bin/sh -e /var/tmp/rpm-tmp.fake\\nerror: %s does not build (fake mock)\\nerror: Bad exit status from /var/tmp/rpm-tmp.fake (%%build)\\nChild return code was: 1\\n' "$name" > "$log"
                echo "ERROR: Exception(fake) Config(keel) 0 minutes 1 seconds" >&2
                exit 30 ;;
            esac
            top=$call/top
            if [ "$mode" = srpm ]; then
              rpmbuild -bs --nodeps --define "_topdir $top" --define "_sourcedir $sources" \\
                --define "_srcrpmdir $result" "$spec" > "$log" 2>&1 || exit 30
              case $behaviour in
                two) for f in "$result"/*.src.rpm; do cp "$f" "${f%.src.rpm}.again.src.rpm"; done ;;
                none) rm -f "$result"/*.src.rpm ;;
              esac
            else
              cp "$srpm" "$result/"
              set -- $(rpm -qp --nosignature --qf '%{NAME} %{VERSION} %{RELEASE}' "$srpm")
              printf 'Name: %s\\nVersion: %s\\nRelease: %s\\nSummary: Built by the fake mock\\nLicense: MIT\\n%%description\\nBuilt by the fake mock.\\n%%files\\n' \\
                "$1" "$2" "$3" > "$call/binary.spec"
              rpmbuild -bb --define "_topdir $top" --define "_rpmdir $result" \\
                --define '_build_name_fmt %{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}.rpm' \\
                --define 'debug_package %{nil}' "$call/binary.spec" > "$log" 2>&1 || exit 30
            fi
            echo "fake mock: built $name" >> "$log"
            """.replace("$VERSION", VERSION);

    private final Path root;

    private FakeMock(Path root) {
        this.root = root;
    }

    /** Writes the fake into {@code root} ({@code bin/mock}, with its calls and controls beside it). */
    public static FakeMock install(Path root) throws IOException {
        FakeMock fake = new FakeMock(root.toAbsolutePath());
        Files.createDirectories(fake.root.resolve("bin"));
        Files.createDirectories(fake.root.resolve("calls"));
        Files.createDirectories(fake.root.resolve("control"));
        Files.writeString(fake.executable(), SCRIPT, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake.executable(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    /** The program, an absolute path. */
    public Path executable() {
        return root.resolve("bin/mock");
    }

    /** Makes {@code step} of {@code component} go wrong as {@code behaviour} says. */
    public void behave(String component, Step step, Behaviour behaviour) throws IOException {
        String word = switch (behaviour) {
            case FAIL -> "fail";
            case HANG -> "hang";
            case TWO_SRPMS -> "two";
            case NO_SRPM -> "none";
        };
        Files.writeString(control(component, step), word + "\n");
    }

    /** The process id of the {@code sleep} of a hanging step, once it started. */
    public Optional<Long> sleeper(String component) throws IOException {
        Path file = root.resolve("control/" + component + ".sleeping");
        return Files.exists(file)
                ? Optional.of(Long.parseLong(Files.readString(file).strip()))
                : Optional.empty();
    }

    /** Every call so far, in the order they started. */
    public List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root.resolve("calls"))) {
            for (Path call : entries.sorted(Comparator.comparingInt(
                            c -> Integer.parseInt(c.getFileName().toString())))
                    .toList()) {
                String argv = Files.readString(call.resolve("argv"), StandardCharsets.UTF_8);
                List<String> arguments = argv.isEmpty()
                        ? List.of()
                        : Arrays.asList(argv.substring(0, argv.length() - 1).split("\0", -1));
                Path repos = call.resolve("repos");
                calls.add(
                        new Call(List.copyOf(arguments), Files.exists(repos) ? Files.readAllLines(repos) : List.of()));
            }
        }
        return calls;
    }

    private Path control(String component, Step step) {
        return root.resolve("control/" + component + "." + step.name().toLowerCase(Locale.ROOT));
    }
}
