package dev.keel.spec;

import static dev.keel.spec.PackageSelector.any;
import static dev.keel.spec.PackageSelector.main;
import static dev.keel.spec.PackageSelector.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Which packages each selector selects, and how the editor takes them. */
class PackageSelectorTest {

    private static final Spec SPEC = Spec.parse("""
            Name: foo
            %global sub tools
            Summary: foo
            %package devel
            Summary: foo headers
            %package -n python3-foo
            Summary: foo for python
            %package %{sub}
            Summary: foo tools
            %files
            /usr/bin/foo
            %files devel
            /usr/include/foo.h
            """);

    private static final PackageRef DEVEL = PackageRef.suffix("devel");
    private static final PackageRef PYTHON = PackageRef.full("python3-foo");
    private static final PackageRef TOOLS = PackageRef.suffix("%{sub}");

    @Test
    void mainSelectsOnlyTheMainPackage() {
        assertThat(main().selects(SPEC, PackageRef.MAIN)).isTrue();
        assertThat(List.of(DEVEL, PYTHON, TOOLS)).noneMatch(ref -> main().selects(SPEC, ref));
    }

    @Test
    void anySelectsEveryPackage() {
        assertThat(List.of(PackageRef.MAIN, DEVEL, PYTHON, TOOLS)).allMatch(ref -> any().selects(SPEC, ref));
    }

    @Test
    void namedSelectsThePackageInEitherSpelling() {
        Map<String, PackageRef> selections = Map.of(
                "devel", DEVEL,
                "foo-devel", DEVEL,
                "%{name}-devel", DEVEL,
                "python3-foo", PYTHON,
                "%{sub}", TOOLS,
                "foo-tools", TOOLS);
        selections.forEach((name, ref) -> {
            assertThat(named(name).selects(SPEC, ref)).as(name).isTrue();
            assertThat(List.of(PackageRef.MAIN, DEVEL, PYTHON, TOOLS).stream()
                            .filter(other -> named(name).selects(SPEC, other)))
                    .as(name)
                    .containsExactly(ref);
        });
        assertThat(named("foo").selects(SPEC, PackageRef.MAIN)).isTrue();
        assertThat(named("bar").selects(SPEC, PackageRef.MAIN)).isFalse();
    }

    @Test
    void anEmptyNameIsNotTheMainPackage() {
        assertThatIllegalArgumentException().isThrownBy(() -> named("")).withMessageContaining("main()");
        assertThatNullPointerException().isThrownBy(() -> named(null));
    }

    @Test
    void searchReplaceTellsTheMainPackageFromAnyPackage() {
        Pattern foo = Pattern.compile("foo");
        SpecEditor editor = SpecEditor.of(SPEC, "test");

        assertThat(editor.searchReplace("%files", any(), foo, "bar").text())
                .contains("/usr/bin/bar\n", "/usr/include/bar.h\n");
        assertThat(editor.searchReplace("%files", main(), foo, "bar").text())
                .contains("/usr/bin/bar\n", "/usr/include/foo.h\n");
        assertThat(editor.searchReplace("%files", named("devel"), foo, "bar").text())
                .contains("/usr/bin/foo\n", "/usr/include/bar.h\n");
        assertThatThrownBy(() -> editor.searchReplace("%files", main(), Pattern.compile("include"), "x"))
                .isInstanceOf(SpecEditException.class)
                .hasMessage("pattern /include/ matched no line in %files of the main package");
    }

    @Test
    void noEditTakesNullForAPackage() {
        SpecEditor editor = SpecEditor.of(SPEC, "test");
        List<ThrowingCallable> edits = List.of(
                () -> editor.addTag(null, "License", "MIT"),
                () -> editor.insertTag(null, "License", "MIT"),
                () -> editor.setTag(null, "License", "MIT"),
                () -> editor.updateTag(null, "Summary", "x"),
                () -> editor.removeTag(null, "Summary", null),
                () -> editor.prependLines(null, null, List.of("x")),
                () -> editor.prependLines("%files", null, List.of("x")),
                () -> editor.appendLines(null, null, List.of("x")),
                () -> editor.appendLines("%files", null, List.of("x")),
                () -> editor.searchReplace(null, null, Pattern.compile("foo"), "x"),
                () -> editor.removeSection("%files", null),
                () -> editor.removeSubpackage(null));
        for (ThrowingCallable edit : edits) {
            assertThatNullPointerException().isThrownBy(edit).withMessage("pkg");
        }
    }
}
