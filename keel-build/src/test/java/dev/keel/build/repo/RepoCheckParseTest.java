package dev.keel.build.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading dnf repoclosure's report. */
class RepoCheckParseTest {

    @Test
    void readsEveryPackageWithItsUnresolvedRequirementsSorted() {
        String output = """
                package: demo-prog-2.0-1.x86_64 from keel-repo
                  unresolved deps (2):
                    rtld(GNU_HASH)
                    libc.so.6(GLIBC_2.34)(64bit)
                package: a-1-1.noarch from keel-repo
                  unresolved deps (1):
                    (b or c)
                """;
        assertThat(RepoCheck.parse(output))
                .containsExactly(
                        new RepoCheck.Unresolved("a-1-1.noarch", List.of("(b or c)")),
                        new RepoCheck.Unresolved(
                                "demo-prog-2.0-1.x86_64", List.of("libc.so.6(GLIBC_2.34)(64bit)", "rtld(GNU_HASH)")));
    }

    @Test
    void nothingUnresolvedIsAnEmptyReport() {
        assertThat(RepoCheck.parse("")).isEmpty();
    }
}
