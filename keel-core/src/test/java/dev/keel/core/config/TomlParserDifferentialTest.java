package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Keel's TOML parser against tomlj, a strict TOML 1.0 implementation: the same documents must be
 * accepted or rejected, and accepted ones must give the same values.
 */
class TomlParserDifferentialTest {

    private static final Path FILE = Path.of("test.toml");

    /** Valid documents covering every TOML 1.0 construct. */
    static final List<String> VALID = List.of(
            "a = 1\nb = -2\nc = +3\nd = 0\ne = 1_000\n",
            "hex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101\n",
            "f1 = 1.5\nf2 = -0.01\nf3 = 5e+22\nf4 = 1e06\nf5 = -2E-2\nf6 = 6.626e-34\nf7 = 224_617.445_991\n",
            "i1 = inf\ni2 = +inf\ni3 = -inf\nn1 = nan\nn2 = +nan\n",
            "t = true\nf = false\n",
            "s = \"tab\\there \\\"quoted\\\" \\u00e9 \\U0001F600 back\\\\slash\"\n",
            "l = 'C:\\Users\\nodejs\\templates'\nq = '<\\i\\c*\\s*>'\n",
            "m = \"\"\"\nRoses are red\nViolets are blue\"\"\"\n",
            "m = \"\"\"\\\n    The quick brown \\\n    fox.\\\n    \"\"\"\n",
            "m = \"\"\"Here are two quotes: \"\". Simple.\"\"\"\nn = \"\"\"Five: \"\"\"\"\"\n",
            "ml = '''\nThe first newline is\ntrimmed in raw strings.\n'''\nq = ''''That,' she said.'''\n",
            "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\n",
            "ldt = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999\nld = 1979-05-27\nlt = 07:32:00\nlt2 = 00:32:00.999999\n",
            "arr = [1, 2, 3]\nnested = [[1, 2], ['a', \"b\"]]\nmixed = [0.1, 'x', { k = 1 }]\nempty = []\n",
            "multi = [\n  1, # one\n  2,\n]\n",
            "[table]\nkey = 'value'\n[table.sub]\nx = 1\n",
            "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nempty = {}\n",
            "a.b.c = 1\na.b.d = 2\n\"quoted key\" = 3\n'lit.key' = 4\n\"\" = 5\n",
            "site.\"google.com\" = true\n3.14159 = 'pi'\n",
            "[dog.\"tater.man\"]\ntype.name = 'pug'\n",
            "[ j . \"ʞ\" . 'l' ]\nx = 1\n",
            "[x.y.z.w]\n[x]\na = 1\n",
            "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
            "[[products]]\nname = 'Hammer'\n[[products]]\n[[products]]\nname = 'Nail'\n",
            "[[fruits]]\nname = 'apple'\n[fruits.physical]\ncolor = 'red'\n[[fruits.varieties]]\nname = 'red delicious'\n[[fruits]]\nname = 'banana'\n[[fruits.varieties]]\nname = 'plantain'\n",
            "# comment only\n\n   # indented comment\n",
            "a = 1 # trailing comment\r\nb = 2\r\n",
            "key = \"value\"",
            "points = [ { x = 1, y = 2, z = 3 },\n  { x = 7, y = 8, z = 9 } ]\n",
            "inline = { a.b = 1, a.c = 2 }\n",
            "k = \"\\b\\f\\n\\r\\t\"\n");

    /** Invalid documents: each breaks one rule. */
    static final List<String> INVALID = List.of(
            "a = 1\na = 2\n",
            "a = \n",
            "= 1\n",
            "a = 1 b = 2\n",
            "a = 01\n",
            "a = 1__0\n",
            "a = _1\n",
            "a = 1_\n",
            "a = +0x1\n",
            "a = 0x\n",
            "a = 1.\n",
            "a = .1\n",
            "a = 1e\n",
            "a = 00.1\n",
            "a = 9223372036854775808\n",
            "a = \"unterminated\n",
            "a = \"bad \\x escape\"\n",
            "a = \"bad \\uD800 surrogate\"\n",
            "a = 'no\nnewline'\n",
            "a = \"\"\"unterminated\n",
            "a = tru\n",
            "a = True\n",
            "a = [1, 2\n",
            "a = [1,,2]\n",
            "a = {b=1}\na.c = 2\n",
            "[a]\n[a]\n",
            "[a]\nb = 1\n[a.b]\n",
            "a.b = 1\n[a.b]\n",
            "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
            "a = [1]\n[[a]]\n",
            "[[a]]\n[a]\n",
            "[a\n",
            "[[a]\n",
            "[]\n",
            "a = 1979-13-27\n",
            "a = 1979-02-30\n",
            "a = 1979-05-27T25:00:00\n",
            "a = 1979-05-27T07:32:00+25:00\n",
            "a = 1 # comment with \u0007 bell\n",
            "a = \"control \u0001 char\"\n",
            "a = 1\rb = 2\n",
            "\"\"\"key\"\"\" = 1\n",
            "a.\"b\".c = 1\na.b = 2\n",
            "a = inf1\n",
            "a = -nanx\n",
            "a = 0b102\n",
            "a = 0o8\n");

    /**
     * TOML 1.1 additions that tomlj accepts and Keel, reading TOML 1.0 as azldev does, rejects:
     * newlines and trailing commas in inline tables, times without seconds, \\e and \\x escapes.
     */
    static final List<String> TOML_1_1_ONLY = List.of(
            "a = { b = 1, }\n",
            "a = { b = 1\n}\n",
            "a = 1979-05-27T07:32\n",
            "a = 07:32\n",
            "a = \"\\e\"\n",
            "a = \"\\x41\"\n");

    static Stream<String> valid() {
        return VALID.stream();
    }

    static Stream<String> invalid() {
        return INVALID.stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsWhatTomljAccepts(String document) throws Exception {
        TomlParseResult reference = Toml.parse(document);
        assertThat(reference.errors()).as("tomlj should accept the fixture").isEmpty();
        assertThat(TreeJson.plain(TomlParser.parse(document, FILE))).isEqualTo(plain(reference));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsWhatTomljRejects(String document) {
        assertThat(Toml.parse(document).hasErrors())
                .as("tomlj should reject the fixture")
                .isTrue();
        assertThat(parses(document)).as("Keel should reject:%n%s", document).isFalse();
    }

    @ParameterizedTest
    @MethodSource("toml11")
    void rejectsTomlOneOneAdditions(String document) {
        assertThat(Toml.parse(document).hasErrors()).isFalse();
        assertThat(parses(document)).as("Keel reads TOML 1.0:%n%s", document).isFalse();
    }

    static Stream<String> toml11() {
        return TOML_1_1_ONLY.stream();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void agreesWithTomljOnMutatedDocuments(int seed) throws Exception {
        Random random = new Random(seed);
        String alphabet = "=[]{}.,\"'#\n \t01xe_-+:TZab\\";
        int checked = 0;
        for (String base : VALID) {
            for (int round = 0; round < 40; round++) {
                StringBuilder mutated = new StringBuilder(base);
                for (int edits = 1 + random.nextInt(3); edits > 0 && mutated.length() > 0; edits--) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                String document = mutated.toString();
                TomlParseResult reference = Toml.parse(document);
                boolean keel = parses(document);
                checked++;
                if (!keel && !reference.hasErrors() && isTomlOneOneOnly(document)) {
                    continue;
                }
                assertThat(keel)
                        .as("accept/reject differs from tomlj for:%n%s%ntomlj: %s", document, reference.errors())
                        .isEqualTo(!reference.hasErrors());
                if (keel) {
                    assertThat(TreeJson.plain(TomlParser.parse(document, FILE)))
                            .as(document)
                            .isEqualTo(plain(reference));
                }
            }
        }
        assertThat(checked).isEqualTo(VALID.size() * 40);
    }

    @Test
    void reportsTheLineAndColumnOfAnError() {
        try {
            TomlParser.parse("a = 1\n\n[b]\nc = = 2\n", FILE);
        } catch (TomlParser.TomlSyntaxException e) {
            assertThat(e.line).isEqualTo(4);
            assertThat(e.column).isEqualTo(5);
            assertThat(e.getMessage()).isEqualTo("expected a value, found '='");
            return;
        }
        throw new AssertionError("no error");
    }

    @Test
    void locatesKeysTablesAndArrayItems() throws Exception {
        ConfigNode.Table root = TomlParser.parse("# c\n[components.curl]\n  x = [\n 'a',\n   'b']\n", FILE);
        ConfigNode.Table curl = (ConfigNode.Table) TreeLookup.at(root, "components", "curl");
        assertThat(curl.location()).isEqualTo(new Location(FILE, 2, 1));
        ConfigNode.Array x = (ConfigNode.Array) curl.get("x");
        assertThat(x.location()).isEqualTo(new Location(FILE, 3, 3));
        assertThat(x.items().get(1).location()).isEqualTo(new Location(FILE, 5, 4));
    }

    @Test
    void parsesTheWholeAzureLinuxConfigurationLikeTomlj() throws IOException {
        Path config = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus", "azurelinux-4.0-config");
        assumeTrue(Files.isDirectory(config), "corpus not found at " + config.toAbsolutePath() + "; skipping");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(config)) {
            files = walk.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            TomlParseResult reference = Toml.parse(text);
            assertThat(reference.errors()).as(file.toString()).isEmpty();
            try {
                assertThat(TreeJson.plain(TomlParser.parse(text, file)))
                        .as(file.toString())
                        .isEqualTo(plain(reference));
            } catch (TomlParser.TomlSyntaxException e) {
                throw new AssertionError(file + ":" + e.line + ":" + e.column + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether Keel rejects a document only for a TOML 1.1 addition tomlj accepts. */
    private static boolean isTomlOneOneOnly(String document) {
        try {
            TomlParser.parse(document, FILE);
            return false;
        } catch (TomlParser.TomlSyntaxException e) {
            String message = e.getMessage();
            return message.startsWith("invalid escape sequence '\\e'")
                    || message.startsWith("invalid escape sequence '\\x'")
                    || message.contains("inline tables are on one line")
                    || message.startsWith("invalid value '") && message.matches(".*\\d\\d:\\d\\d([^:].*)?'$");
        }
    }

    private static boolean parses(String document) {
        try {
            TomlParser.parse(document, FILE);
            return true;
        } catch (TomlParser.TomlSyntaxException e) {
            return false;
        }
    }

    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : table.keySet()) {
                map.put(key, plain(table.get(List.of(key))));
            }
            return map;
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>();
            IntStream.range(0, array.size()).forEach(i -> list.add(plain(array.get(i))));
            return list;
        }
        return value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value;
    }
}
