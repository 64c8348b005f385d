package dev.keel.build.graph;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Small specs and their facts, for the graph tests. */
final class Specs {

    static final FactExtractor EXTRACTOR = new FactExtractor("x86_64", Map.of("dist", ".azl4"));

    private Specs() {}

    /** A spec for {@code name}, version 1.0, with these lines at the end of its preamble and these after it. */
    static String spec(String name, String preamble, String rest) {
        return """
                Name: %s
                Version: 1.0
                Release: 1%%{?dist}
                Summary: s
                License: MIT
                %s
                %%description
                d
                %%files
                /usr/share/%s/README
                %s
                """.formatted(name, preamble, name, rest);
    }

    static ComponentFacts facts(String component, String spec) {
        return EXTRACTOR.extract(component, spec.getBytes(StandardCharsets.UTF_8), Optional.empty(), 43, null);
    }

    /** A component whose only package is itself, with these BuildRequires. */
    static ComponentFacts needs(String component, String... requirements) {
        StringBuilder preamble = new StringBuilder();
        for (String requirement : requirements) {
            preamble.append("BuildRequires: ").append(requirement).append('\n');
        }
        return facts(component, spec(component, preamble.toString(), ""));
    }
}
