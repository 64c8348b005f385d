package dev.keel.core.config.model;

import java.util.List;
import java.util.Map;

/** One configuration file (azldev.toml, keel.toml or an included file). */
@Doc("A Keel (azldev-compatible) project configuration file.")
public record ConfigFile(
        @Key("$schema") @Doc("JSON Schema for editors.") String schema,

        @Doc("Files to include: globs relative to this file.")
        List<String> includes,

        @Doc("Project settings.") ProjectInfo project,
        @Doc("Distros by name.") Map<String, DistroDefinition> distros,
        @Doc("Shared resources.") Resources resources,
        @Doc("Component groups by name.") Map<String, ComponentGroupConfig> componentGroups,
        @Doc("Components by name.") Map<String, ComponentConfig> components,
        @Doc("Images by name.") Map<String, ImageConfig> images,
        @Doc("External tools.") ToolsConfig tools,
        @Doc("Defaults for every component.") ComponentConfig defaultComponentConfig,
        @Doc("Defaults for every binary package.") PackageConfig defaultPackageConfig,
        @Doc("Package groups by name.") Map<String, PackageGroupConfig> packageGroups,
        @Doc("Test suites by name.") Map<String, TestSuiteConfig> testSuites) {}
