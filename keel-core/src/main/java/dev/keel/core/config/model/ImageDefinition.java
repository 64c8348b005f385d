package dev.keel.core.config.model;

/** How an image is defined. */
public record ImageDefinition(
        @Doc("Definition type; kiwi is the only buildable one.")
        String type,

        @PathValue @Doc("Path of the definition.") String path,
        @Doc("Profile within the definition.") String profile) {}
