package dev.keel.core.config.model;

/** A sub-repository of a repository-set template. */
public record SubrepoTemplate(
        @Doc("Name.") String name,
        @Doc("Path below the set's base URI.") String subpath,
        @Doc("binary, debug or source.") String kind) {}
