package dev.keel.spec.macro;

/**
 * The main package's name, epoch, version and release as rpm computes them for the source package
 * ({@code rpmspec -q --srpm}), and its License.
 *
 * @param name the {@code Name} tag
 * @param epoch the {@code Epoch} tag, or {@code null} when the spec sets none
 * @param version the {@code Version} tag
 * @param release the {@code Release} tag
 * @param license the main package's first {@code License} tag, as written after expansion (an SPDX
 *     expression in Fedora); undeterminable when the main package has none
 */
public record ExpandedTags(
        ExpandedValue name, ExpandedValue epoch, ExpandedValue version, ExpandedValue release, ExpandedValue license) {

    /** All undeterminable for the same reason (rpm rejects the spec, or Keel stopped). */
    static ExpandedTags undeterminable(String reason) {
        ExpandedValue value = ExpandedValue.undeterminable(reason);
        return new ExpandedTags(value, value, value, value, value);
    }

    /** {@code name|epoch|version|release} as rpm's query format prints it ({@code (none)} for no epoch). */
    public String toQueryFormat() {
        return name + "|" + (epoch == null ? "(none)" : epoch) + "|" + version + "|" + release;
    }
}
