package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates real Fedora specs (300 picked with a fixed seed from the shared corpus) line by line and
 * byte by byte: every mutant must parse without throwing, round-trip exactly and give a consistent
 * tree, and random edits of the real specs must leave untouched lines intact. Skipped when the
 * corpus is absent.
 */
class CorpusMutationPropertyTest {

    private static final long SEED = 20_240_101L;
    private static final int FILES = 300;
    private static final String[] SNIPPETS = {
        "%if 1\n",
        "%endif\n",
        "%else\n",
        "%{lua:\n",
        "}\n",
        "%{\n",
        "\\\n",
        "%package devel\n",
        "%files\n",
        "%description -n x %{y}\n",
        "Name: mutant\n",
        "Source: s.tar\n",
        "%global m \\\n",
        "\r\n",
        "%changelog\n",
        "* Mon Jan 01 2024 A - 1\n",
        "%patchlist\n",
    };

    private static List<Path> pickFiles() {
        String shared = System.getProperty("keel.shared.dir");
        Path corpus = shared == null ? null : Path.of(shared, "corpus", "fedora-rawhide-specs");
        assumeTrue(
                corpus != null && Files.isDirectory(corpus),
                "corpus not found at " + (corpus == null ? "<keel.shared.dir unset>" : corpus.toAbsolutePath())
                        + ", skipping");
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = new ArrayList<>(
                    listing.filter(p -> p.toString().endsWith(".spec")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(files, new Random(SEED));
        return files.subList(0, Math.min(FILES, files.size()));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void mutatedCorpusSpecsRoundTrip() {
        for (Path file : pickFiles()) {
            byte[] original = read(file);
            Random random = new Random(SEED ^ file.getFileName().toString().hashCode());
            for (int round = 0; round <= 5; round++) {
                byte[] mutant = round == 0 ? original : mutate(random, original);
                withContext(file, "mutation " + round, () -> {
                    Spec parsed = EditAssertions.assertRoundTrips(mutant);
                    PropertyTest.assertConsistent(parsed);
                });
            }
        }
    }

    @Test
    void randomEditsOfCorpusSpecsKeepUntouchedLines() {
        for (Path file : pickFiles()) {
            Spec original = Spec.parse(read(file));
            List<String> packages = new ArrayList<>(List.of(""));
            original.packages().stream()
                    .filter(p -> !p.ref().isMain())
                    .forEach(p -> packages.add(p.ref().name()));
            Random random = new Random(SEED ^ file.getFileName().toString().hashCode());
            Spec[] spec = {original};
            for (int i = 0; i < 4; i++) {
                String label = "corpus" + i;
                withContext(
                        file,
                        "edit " + i,
                        () -> spec[0] = PropertyTest.applyRandomEdit(random, original, spec[0], packages, label, true));
            }
        }
    }

    /** Runs a check, naming the corpus file and step in any failure. */
    private static void withContext(Path file, String step, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(file.getFileName() + " (" + step + "): " + e.getMessage(), e);
        }
    }

    /** A copy of the bytes with a few lines inserted, deleted, replaced or duplicated, and a few bytes changed. */
    static byte[] mutate(Random random, byte[] bytes) {
        List<byte[]> lines = splitLines(bytes);
        int mutations = 1 + random.nextInt(6);
        for (int i = 0; i < mutations; i++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.add(at, snippet(random));
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                case 2 -> {
                    if (!lines.isEmpty()) {
                        lines.set(at, random.nextBoolean() ? snippet(random) : lines.get(random.nextInt(lines.size())));
                    }
                }
                case 3 -> {
                    if (!lines.isEmpty()) {
                        lines.add(at, lines.get(random.nextInt(lines.size())));
                    }
                }
                case 4 -> {
                    if (!lines.isEmpty()) {
                        byte[] line = lines.get(at).clone();
                        if (line.length > 0) {
                            line[random.nextInt(line.length)] = (byte) random.nextInt(256);
                        }
                        lines.set(at, line);
                    }
                }
                default -> {
                    if (!lines.isEmpty()) {
                        // Cut a line short, possibly dropping its line ending.
                        byte[] line = lines.get(at);
                        lines.set(at, Arrays.copyOf(line, random.nextInt(line.length + 1)));
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        for (byte[] line : lines) {
            out.write(line, 0, line.length);
        }
        return out.toByteArray();
    }

    private static byte[] snippet(Random random) {
        return SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    @Test
    void mutationIsDeterministicAndChangesTheBytes() {
        byte[] input = "Name: foo\nVersion: 1\n%description\nText.\n".getBytes(StandardCharsets.UTF_8);

        byte[] first = mutate(new Random(7), input);
        assertThat(mutate(new Random(7), input)).isEqualTo(first);
        assertThat(splitLines(input)).hasSize(4);
        int changed = 0;
        for (int seed = 0; seed < 50; seed++) {
            changed += Arrays.equals(mutate(new Random(seed), input), input) ? 0 : 1;
        }
        assertThat(changed).isGreaterThan(40);
    }
}
