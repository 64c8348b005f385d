/**
 * RPM dependencies as rpm 4.18 parses and compares them: {@link dev.keel.spec.dependency.Dependency}
 * (name, comparison, version; rpm's printing order and version overlap),
 * {@link dev.keel.spec.dependency.DependencyParser} (a tag value split as {@code parseRCPOT} splits it)
 * and {@link dev.keel.spec.dependency.RichDependency} ({@code (a or b)}, {@code (a if b else c)}...),
 * with rpm's version comparison ({@link dev.keel.spec.dependency.RpmVersions}). Uses no other Keel
 * package; the macro expander builds on it.
 */
package dev.keel.spec.dependency;
