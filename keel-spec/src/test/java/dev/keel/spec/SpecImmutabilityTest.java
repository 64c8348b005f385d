package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** No caller can change a parsed spec through what it hands out. */
class SpecImmutabilityTest {

    private static final String TEXT = """
            Name: foo
            Version: 1.0
            %global x 1
            %bcond_with tests
            Source0: foo.tar.gz
            Patch0: fix.patch
            %include extra.inc
            %if %{with tests}
            BuildRequires: gcc
            %else
            BuildRequires: clang
            %endif
            %package devel
            Summary: headers
            %package
            %files -f foo.lang -e devel
            %changelog
            * Mon Jan 01 2024 A <a@b> - 1.0-1
            - first
            """;

    /** Every accessor of {@link Spec} that returns a collection, by name. */
    private static Map<String, Function<Spec, List<?>>> specCollections() {
        Map<String, Function<Spec, List<?>>> accessors = new LinkedHashMap<>();
        accessors.put("lines", Spec::lines);
        accessors.put("elements", Spec::elements);
        accessors.put("sections", Spec::sections);
        accessors.put("blocks", Spec::blocks);
        accessors.put("tags", Spec::tags);
        accessors.put("tags of a package", spec -> spec.tags(PackageRef.MAIN));
        accessors.put("macros", Spec::macros);
        accessors.put("bconds", Spec::bconds);
        accessors.put("changelog", Spec::changelog);
        accessors.put("sources", Spec::sources);
        accessors.put("patches", Spec::patches);
        accessors.put("references", Spec::references);
        accessors.put("includes", Spec::includes);
        accessors.put("diagnostics", Spec::diagnostics);
        accessors.put("packages", Spec::packages);
        return accessors;
    }

    /** Those and the collections of the structure types. */
    private static Map<String, Function<Spec, List<?>>> collections() {
        Map<String, Function<Spec, List<?>>> accessors = specCollections();
        accessors.put("block branches", spec -> spec.block(0).branches());
        accessors.put("header file lists", spec -> spec.section(3).header().fileLists());
        accessors.put("header flags", spec -> spec.section(3).header().flags());
        return accessors;
    }

    @Test
    void everyReturnedCollectionRefusesChanges() {
        SoftAssertions.assertSoftly(softly -> collections().forEach((name, accessor) -> {
            Spec spec = Spec.parse(TEXT);
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) accessor.apply(spec);
            softly.assertThat(list).as(name).isNotEmpty();
            Object first = list.isEmpty() ? null : list.get(0);
            Map<String, ThrowingCallable> changes = new LinkedHashMap<>();
            changes.put("clear", list::clear);
            changes.put("add", () -> list.add(first));
            changes.put("set", () -> list.set(0, first));
            changes.put("remove", () -> list.remove(0));
            changes.forEach((change, call) -> softly.assertThatCode(call)
                    .as(name + " " + change)
                    .isInstanceOf(UnsupportedOperationException.class));
            softly.assertThat(accessor.apply(spec)).as(name).isEqualTo(accessor.apply(Spec.parse(TEXT)));
        }));
    }

    @Test
    void queriesStillWorkAfterEveryAttemptedChange() {
        Spec spec = Spec.parse(TEXT);
        specCollections().values().forEach(accessor -> {
            try {
                accessor.apply(spec).clear();
            } catch (UnsupportedOperationException expected) {
                // what every accessor must do
            }
        });

        assertThat(spec.tagValue("Name")).isEqualTo("foo");
        assertThat(spec.mainName()).isEqualTo("foo");
        assertThat(spec.fullName(PackageRef.suffix("devel"))).isEqualTo("foo-devel");
        assertThat(spec.expandLiteral("%{name}-%{x}")).isEqualTo("foo-1");
        assertThat(spec.sources()).extracting(SourceRef::fileName).containsExactly("foo.tar.gz");
        assertThat(spec.elementAtLine(8).kind()).isEqualTo(ElementKind.TAG);
        assertThat(SpecEditor.nextPatchNumber(spec)).isEqualTo(1);
        assertThat(spec.toBytes()).isEqualTo(Spec.parse(TEXT).toBytes());
    }

    @Test
    void returnedBytesAreCopies() {
        Spec spec = Spec.parse(TEXT);

        spec.toBytes()[0] = 'X';
        spec.line(0).bytes()[0] = 'X';

        assertThat(spec.text()).isEqualTo(TEXT);
        assertThat(spec.line(0).text()).isEqualTo("Name: foo");
    }
}
