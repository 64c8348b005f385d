package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.dependency.Dependency;
import dev.keel.spec.macro.ExpandedFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileProvidesTest {

    private static List<String> provides(String... paths) {
        return FileProvides.of(new ExpandedFiles(List.of(paths), List.of(), List.of(), List.of())).stream()
                .map(Dependency::toString)
                .toList();
    }

    @Test
    void absolutePathsAreFileProvidesButGlobsAreNot() {
        assertThat(provides("/usr/bin/foo", "/usr/share/foo/*", "/etc/foo.d/"))
                .containsExactly("/usr/bin/foo", "/etc/foo.d");
    }

    @Test
    void pkgconfigFilesGiveTheirNames() {
        assertThat(provides(
                        "/usr/lib64/pkgconfig/zlib.pc",
                        "/usr/share/pkgconfig/bash-completion.pc",
                        "/usr/lib64/pkgconfig/*.pc"))
                .containsExactly(
                        "/usr/lib64/pkgconfig/zlib.pc",
                        "pkgconfig(zlib)",
                        "/usr/share/pkgconfig/bash-completion.pc",
                        "pkgconfig(bash-completion)");
    }

    @Test
    void sonamesComeFromVersionedLibraryNames() {
        assertThat(provides("/usr/lib64/libz.so.1*")).containsExactly("libz.so.1()(64bit)");
        assertThat(provides("/usr/lib64/libfoo.so.2.3.4")).contains("libfoo.so.2()(64bit)");
        assertThat(provides("/usr/lib64/libfoo.so.2.*")).containsExactly("libfoo.so.2()(64bit)");
        assertThat(provides("/usr/lib/libold.so.5")).contains("libold.so.5");
        assertThat(provides("/usr/lib64/libfoo.so.*")).isEmpty();
        assertThat(provides("/usr/lib64/libfoo.so")).containsExactly("/usr/lib64/libfoo.so");
        assertThat(provides("/usr/lib64/lib*.so.1")).isEmpty();
    }

    @Test
    void perlModulesAndCmakeConfigsGiveTheirNames() {
        assertThat(provides("/usr/share/perl5/vendor_perl/Foo/Bar.pm")).contains("perl(Foo::Bar)");
        assertThat(provides("/usr/lib64/perl5/strict.pm")).contains("perl(strict)");
        assertThat(provides("/usr/lib64/cmake/Qt6Core/")).contains("cmake(Qt6Core)", "cmake(qt6core)");
        assertThat(provides("/usr/lib64/cmake/zstd/zstd-config.cmake")).contains("cmake(zstd)");
        assertThat(provides("/usr/share/cmake/GTest/GTestConfig.cmake")).contains("cmake(GTest)", "cmake(gtest)");
    }

    private static String perl(String packageName, List<String> paths, List<String> directories) {
        return FileProvides.perlDistribution(packageName, new ExpandedFiles(paths, directories, List.of(), List.of()))
                .map(Dependency::toString)
                .orElse("none");
    }

    @Test
    void aPerlDistributionProvidesItsMainModuleWhenItsFilesCoverIt() {
        assertThat(perl("perl-Carp", List.of("/usr/share/perl5/vendor_perl/*"), List.of()))
                .isEqualTo("perl(Carp)");
        assertThat(perl("perl-ExtUtils-MakeMaker", List.of("/usr/share/perl5/vendor_perl/*"), List.of()))
                .isEqualTo("perl(ExtUtils::MakeMaker)");
        assertThat(perl("perl-Test-Version", List.of(), List.of("/usr/share/perl5/vendor_perl/Test/")))
                .isEqualTo("perl(Test::Version)");
        assertThat(perl("perl-Digest-CRC", List.of("/usr/lib64/perl5/vendor_perl/Digest/CRC*"), List.of()))
                .isEqualTo("perl(Digest::CRC)");
        assertThat(perl("perl-Carp", List.of("/usr/share/perl5/vendor_perl/Other/*"), List.of()))
                .as("files that do not take in Carp.pm")
                .isEqualTo("none");
        assertThat(perl("perl-Carp", List.of("/usr/share/man/man3/*"), List.of()))
                .isEqualTo("none");
        assertThat(perl("perl", List.of("/usr/share/perl5/*"), List.of())).isEqualTo("none");
        assertThat(perl("python3-Carp", List.of("/usr/share/perl5/vendor_perl/*"), List.of()))
                .isEqualTo("none");
        assertThat(perl(null, List.of("/usr/share/perl5/vendor_perl/*"), List.of()))
                .isEqualTo("none");
        assertThat(perl("perl-Carp", List.of("/usr/share/perl5/vendor_perl/[", "/usr/share/perl5/{a,{b}}"), List.of()))
                .as("malformed globs take in nothing")
                .isEqualTo("none");
    }
}
