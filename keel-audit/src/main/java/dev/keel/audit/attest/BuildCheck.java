package dev.keel.audit.attest;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether an attested build is made from the attested rendered files ({@link BuildLink}): its
 * source RPM holds the rendered spec, and each other rendered file it holds, with the digest rpm
 * recorded, and each attested binary RPM names that source RPM. It reads only subjects that
 * checked, and is made only when a source RPM is among the subjects.
 */
final class BuildCheck {

    private final Path root;

    /** @param root the project directory, absolute and normalized */
    BuildCheck(Path root) {
        this.root = root;
    }

    /**
     * The build's check, or empty when nothing was built.
     *
     * @param subjects how each subject's check ended, by name
     */
    Optional<Check> check(Statement statement, Map<String, Status> subjects) {
        List<String> names = statement.subject().stream()
                .map(ResourceDescriptor::name)
                .filter(name -> name != null)
                .toList();
        Optional<String> sourceRpm =
                names.stream().filter(name -> name.endsWith(".src.rpm")).findFirst();
        if (sourceRpm.isEmpty()) {
            return Optional.empty();
        }
        String spec =
                statement.predicate().buildDefinition().externalParameters().get("component") + ".spec";
        return Optional.of(check(sourceRpm.get(), spec, names, subjects));
    }

    private Check check(String sourceRpm, String spec, List<String> names, Map<String, Status> subjects) {
        Optional<String> renderedSpec =
                names.stream().filter(name -> name.endsWith("/" + spec)).findFirst();
        if (renderedSpec.isEmpty()) {
            return new Check(
                    "build",
                    sourceRpm,
                    Status.FAILED,
                    "no rendered " + UntrustedText.printable(spec) + " among the subjects");
        }
        String directory = renderedSpec.get().substring(0, renderedSpec.get().lastIndexOf('/') + 1);
        Inputs inputs = inputs(sourceRpm, directory, names);
        if (inputs.read().stream().anyMatch(name -> subjects.get(name) != Status.OK)) {
            return new Check("build", sourceRpm, Status.UNCHECKED, "not checked: a subject it reads does not check");
        }
        List<String> problems = BuildLink.problems(root.resolve(sourceRpm), inputs.rpms(), inputs.rendered(), spec);
        if (!problems.isEmpty()) {
            return new Check("build", sourceRpm, Status.FAILED, UntrustedText.printable(String.join("; ", problems)));
        }
        int rpms = inputs.rpms().size();
        return new Check(
                "build",
                sourceRpm,
                Status.OK,
                "holds the attested " + renderedSpec.get() + " and the other rendered files it holds; " + rpms
                        + " binary RPM" + (rpms == 1 ? " names" : "s name") + " it as their source");
    }

    /**
     * What the check reads.
     *
     * @param rendered the rendered directory's top-level files, by name
     * @param rpms the binary RPMs
     * @param read the subjects of all of them and of the source RPM
     */
    private record Inputs(Map<String, Path> rendered, List<Path> rpms, List<String> read) {}

    /** The subjects the check reads: the files directly in the rendered spec's {@code directory}, and the RPMs. */
    private Inputs inputs(String sourceRpm, String directory, List<String> names) {
        Inputs inputs = new Inputs(new TreeMap<>(), new ArrayList<>(), new ArrayList<>(List.of(sourceRpm)));
        for (String name : names) {
            if (name.startsWith(directory) && name.indexOf('/', directory.length()) < 0) {
                inputs.rendered().put(name.substring(directory.length()), root.resolve(name));
                inputs.read().add(name);
            } else if (name.endsWith(".rpm") && !name.equals(sourceRpm)) {
                inputs.rpms().add(root.resolve(name));
                inputs.read().add(name);
            }
        }
        return inputs;
    }
}
