package dev.keel.core.config.model;

import java.util.List;

/** Repositories used as inputs of RPM and image builds. */
public record DistroInputs(
        @Doc("Inputs of RPM builds.") List<InputRef> rpmBuild,
        @Doc("Inputs of image builds.") List<InputRef> imageBuild) {}
