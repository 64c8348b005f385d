package dev.keel.build.repo;

import dev.keel.core.config.Project;
import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.ComponentPublishConfig;
import dev.keel.core.config.model.PackageConfig;
import dev.keel.core.config.model.PackageGroupConfig;
import dev.keel.core.config.model.PackagePublishConfig;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * azldev's publish-channel resolution of a binary package, later winning: the project's {@code
 * default-package-config.publish} (only as a fallback), the component's resolved {@code
 * publish.rpm-channel} ({@code debuginfo-channel} for a debug package), the package group that
 * lists the package, the component's {@code packages.<name>.publish}. The deprecated {@code
 * channel} stands in for an unset {@code rpm-channel}; a debug package ({@code -debuginfo} or
 * {@code -debugsource} as a hyphen-delimited segment: {@code kernel-debuginfo-common-x86_64} is
 * one, {@code elfutils-debuginfod} is not) uses {@code debuginfo-channel} throughout. An empty
 * channel means none is configured; {@code none} means not to publish.
 */
public final class PublishChannels {

    /** The reserved channel of packages that are not published. */
    public static final String NONE = "none";

    private final PackagePublishConfig projectDefault;
    private final SortedMap<String, String> groupOf = new TreeMap<>();
    private final Map<String, PackageGroupConfig> groups;

    public PublishChannels(Project project) {
        PackageConfig defaults = project.config().defaultPackageConfig();
        this.projectDefault = defaults == null ? null : defaults.publish();
        this.groups = project.config().packageGroups() == null
                ? Map.of()
                : project.config().packageGroups();
        new TreeMap<>(groups).forEach((name, group) -> {
            if (group.packages() != null) {
                group.packages().forEach(pkg -> groupOf.putIfAbsent(pkg, name));
            }
        });
    }

    /** The package group that lists {@code packageName}, if any. */
    public Optional<String> group(String packageName) {
        return Optional.ofNullable(groupOf.get(packageName));
    }

    /**
     * The channel of binary package {@code packageName} built by a component with the resolved
     * configuration {@code component} (null when no component is known).
     */
    public String rpmChannel(ComponentConfig component, String packageName) {
        boolean debug = isDebug(packageName);
        String channel = channel(projectDefault, debug);
        ComponentPublishConfig publish = component == null ? null : component.publish();
        String componentChannel = publish == null ? null : debug ? publish.debuginfoChannel() : publish.rpmChannel();
        if (componentChannel != null && !componentChannel.isEmpty()) {
            channel = componentChannel;
        }
        String group = groupOf.get(packageName);
        if (group != null) {
            PackageConfig defaults = groups.get(group).defaultPackageConfig();
            String groupChannel = channel(defaults == null ? null : defaults.publish(), debug);
            if (!groupChannel.isEmpty()) {
                channel = groupChannel;
            }
        }
        PackageConfig own = component == null || component.packages() == null
                ? null
                : component.packages().get(packageName);
        String ownChannel = channel(own == null ? null : own.publish(), debug);
        if (!ownChannel.isEmpty()) {
            channel = ownChannel;
        }
        return channel;
    }

    /** The channel of a component's source RPM: its resolved {@code publish.srpm-channel}, or empty. */
    public static String srpmChannel(ComponentConfig component) {
        ComponentPublishConfig publish = component == null ? null : component.publish();
        return publish == null || publish.srpmChannel() == null ? "" : publish.srpmChannel();
    }

    private static String channel(PackagePublishConfig publish, boolean debug) {
        if (publish == null) {
            return "";
        }
        String value = debug ? publish.debuginfoChannel() : publish.rpmChannel();
        if (!debug && (value == null || value.isEmpty())) {
            value = publish.channel();
        }
        return value == null ? "" : value;
    }

    /** Whether {@code name} has {@code -debuginfo} or {@code -debugsource} as a hyphen-delimited segment. */
    public static boolean isDebug(String name) {
        return hasSegment(name, "-debuginfo") || hasSegment(name, "-debugsource");
    }

    private static boolean hasSegment(String name, String segment) {
        int from = 0;
        while (true) {
            int at = name.indexOf(segment, from);
            if (at < 0) {
                return false;
            }
            int end = at + segment.length();
            if (end == name.length() || name.charAt(end) == '-') {
                return true;
            }
            from = at + 1;
        }
    }
}
