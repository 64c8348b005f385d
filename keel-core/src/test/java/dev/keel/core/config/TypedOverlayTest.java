package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader turns each {@code [[overlays]]} table into the record of its type, with no null
 * field; a table that cannot make one is reported, never half-built.
 */
class TypedOverlayTest extends ConfigFixture {

    /** The overlay a table binds to, or null; binding problems are ignored (the loader reports them). */
    private static Overlay bind(String toml) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode.Table table =
                TomlReader.read(Path.of("overlay.toml"), toml.getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors).isEmpty();
        return new Binder(new ArrayList<>(), true).bind(table, Overlay.class, "");
    }

    /** A table of the type with a value for every key it requires (and {@code without} left out). */
    private static String table(OverlayType type, String without) {
        StringBuilder toml = new StringBuilder("type = \"" + Names.enumKey(type) + "\"\n");
        for (String key : OverlayRules.of(type).required()) {
            if (!key.equals(without)) {
                toml.append(key).append(key.equals("lines") ? " = [\"x\"]\n" : " = \"x\"\n");
            }
        }
        return toml.toString();
    }

    @ParameterizedTest
    @EnumSource(OverlayType.class)
    void everyTypeBecomesARecordOfThatType(OverlayType type) {
        Overlay overlay = bind(table(type, ""));
        assertThat(overlay).isNotNull();
        assertThat(overlay.type()).isEqualTo(type);
        assertThat(overlay.notes()).isEqualTo(Overlay.Notes.NONE);
    }

    static Stream<Arguments> requiredKeys() {
        return Stream.of(OverlayType.values())
                .flatMap(type -> OverlayRules.of(type).required().stream().map(key -> Arguments.of(type, key)));
    }

    @ParameterizedTest
    @MethodSource("requiredKeys")
    void aTableWithoutARequiredKeyMakesNoOverlay(OverlayType type, String key) {
        assertThat(bind(table(type, key))).isNull();
    }

    @Test
    void keysLeftOutAreEmptyAndAzldevsEmptyValuesAreNone() {
        assertThat(bind("type = \"spec-search-replace\"\nregex = \"a\""))
                .isEqualTo(new Overlay.SpecSearchReplace("", "", "a", "", Overlay.Notes.NONE));
        assertThat(bind("type = \"spec-remove-tag\"\ntag = \"Release\"\nvalue = \"\""))
                .isEqualTo(new Overlay.SpecRemoveTag("", "Release", Optional.empty(), Overlay.Notes.NONE));
        assertThat(bind("type = \"patch-add\"\nsource = \"/p/fix.patch\"\nfile = \"\""))
                .isEqualTo(new Overlay.PatchAdd(Optional.empty(), "/p/fix.patch", Overlay.Notes.NONE));
        assertThat(bind("type = \"file-remove\"\nfile = \"*.c\"").archive()).isEmpty();
        assertThat(bind("type = \"file-remove\"\nfile = \"*.c\"\narchive = \"a.tar\"")
                        .archive())
                .hasValue("a.tar");
        assertThat(bind("type = \"file-rename\"\nfile = \"a\"\nreplacement = \"b\""))
                .isEqualTo(new Overlay.FileRename("a", "b", Overlay.Notes.NONE));
        assertThat(bind("type = \"spec-add-tag\"\ntag = \"A\"\nvalue = \"b\"\ndescription = \"why\"")
                        .description())
                .hasValue("why");
    }

    @Test
    void valuesOfTheWrongTypeAreReportedAndMakeNoOverlay() {
        assertThat(bind("type = \"spec-append-lines\"\nlines = [\"a\", 1]")).isNull();
        assertThat(bind("type = \"spec-add-tag\"\ntag = 5\nvalue = \"x\"")).isNull();
        assertThat(bind("type = \"spec-add-tg\"\ntag = \"A\"\nvalue = \"x\"")).isNull();
        write("azldev.toml", """
                [components.a]
                overlays = [
                    { type = "spec-append-lines", lines = ["a", 1] },
                    { type = "spec-add-tag", tag = 5, value = "x" },
                ]
                """);
        assertThat(errors())
                .extracting(ConfigError::keyPath, ConfigError::message)
                .containsExactlyInAnyOrder(
                        tuple("components.a.overlays[0].lines[1]", "'lines[1]' must be a string, found an integer"),
                        tuple("components.a.overlays[1].tag", "'tag' must be a string, found an integer"));
    }

    @Test
    void aProjectsOverlaysAreTypedWithAbsoluteSources() {
        write("fix.patch", "--- a\n");
        write("azldev.toml", """
                [components.a]
                overlays = [
                    { type = "patch-add", source = "fix.patch" },
                    { type = "spec-prepend-lines", lines = ["# a"], section = "%build", package = "devel" },
                ]
                """);
        List<LocatedOverlay> overlays = load().components().get("a").overlays();
        assertThat(overlays)
                .extracting(LocatedOverlay::overlay)
                .containsExactly(
                        new Overlay.PatchAdd(
                                Optional.empty(),
                                dir.resolve("fix.patch").toAbsolutePath().toString(),
                                Overlay.Notes.NONE),
                        new Overlay.SpecPrependLines("%build", "devel", List.of("# a"), Overlay.Notes.NONE));
    }

    @Test
    void recordsRefuseNullAndKeepTheirLines() {
        assertThatThrownBy(() -> new Overlay.SpecAddTag(null, "A", "b", Overlay.Notes.NONE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Overlay.FileRemove("x", null, Overlay.Notes.NONE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Overlay.Notes(null, Optional.empty())).isInstanceOf(NullPointerException.class);
        List<String> lines = new ArrayList<>(List.of("a"));
        Overlay.SpecPrependLines top = Overlay.SpecPrependLines.atTop(lines);
        lines.add("b");
        assertThat(top).isEqualTo(new Overlay.SpecPrependLines("", "", List.of("a"), Overlay.Notes.NONE));
        assertThat(Overlay.SpecPrependLines.inSection("%check", List.of("exit 0"))
                        .section())
                .isEqualTo("%check");
        assertThat(Overlay.SpecUpdateTag.inMainPackage("Release", "2"))
                .isEqualTo(new Overlay.SpecUpdateTag("", "Release", "2", Overlay.Notes.NONE));
        assertThat(Overlay.SpecInsertTag.inMainPackage("Source9999", "m.macros").pkg())
                .isEmpty();
    }

    @Test
    void theSchemaDescribesEveryOverlayKeyInOneTable() {
        @SuppressWarnings("unchecked")
        Map<String, Object> overlay = (Map<String, Object>)
                ((Map<String, Object>) SchemaGenerator.projectSchema().get("$defs")).get("Overlay");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) overlay.get("properties");
        assertThat(properties.keySet())
                .containsExactly(
                        "type",
                        "description",
                        "file",
                        "section",
                        "package",
                        "tag",
                        "value",
                        "regex",
                        "replacement",
                        "lines",
                        "source",
                        "archive",
                        "metadata");
        assertThat(overlay.get("required")).isEqualTo(List.of("type"));
        assertThat(overlay.get("additionalProperties")).isEqualTo(false);
    }
}
