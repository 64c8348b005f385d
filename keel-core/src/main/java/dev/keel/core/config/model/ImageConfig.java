package dev.keel.core.config.model;

/** An image built from the distro's packages. */
public record ImageConfig(
        @Doc("What the image is.") String description,
        @Doc("Its definition.") ImageDefinition definition,
        @Doc("What it can do.") ImageCapabilities capabilities,
        @Doc("Its tests.") ImageTestsConfig tests,
        @Doc("Where it is published.") ImagePublishConfig publish) {}
