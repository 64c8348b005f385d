package dev.keel.core.config.model;

/** Render settings. */
public record RenderConfig(
        @Doc("Copy every sidecar file, not only those the spec references.")
        Boolean skipFileFilter) {}
