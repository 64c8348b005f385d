package dev.keel.spec.dependency;

import java.util.Comparator;
import java.util.Objects;

/**
 * One dependency as rpm stores it ({@code rpmds}): a name, comparison flags and a version, such as
 * {@code gcc >= 4.0}; a rich dependency keeps its whole text as its name ({@code (a or b)}, no
 * version), as {@code rpmspec -q} prints it.
 *
 * @param name the name, or the whole text of a rich dependency
 * @param flags rpm's {@code RPMSENSE_*} bits: the comparison ({@link #LESS}, {@link #GREATER},
 *     {@link #EQUAL}) and qualifiers such as {@code Requires(post)}
 * @param evr the {@code [epoch:]version[-release]} compared with, or {@code null} without a comparison
 */
public record Dependency(String name, int flags, String evr) {

    public static final int LESS = 1 << 1;
    public static final int GREATER = 1 << 2;
    public static final int EQUAL = 1 << 3;
    /** The comparison bits of {@link #flags}. */
    public static final int SENSE_MASK = LESS | GREATER | EQUAL;
    /** rpm's flag for {@code rpmlib(...)} dependencies. */
    public static final int RPMLIB = 1 << 24;

    /**
     * The order of rpm's dependency sets, in which {@code rpmspec -q} prints them: names, then
     * versions as text, then flags; compared as bytes, as {@code strcmp} does.
     */
    public static final Comparator<Dependency> RPM_ORDER = Comparator.comparing(
                    Dependency::name, Dependency::compareBytes)
            .thenComparing(d -> d.evr == null ? "" : d.evr, Dependency::compareBytes)
            .thenComparingInt(Dependency::flags);

    public Dependency {
        Objects.requireNonNull(name, "name");
        if ((evr == null) != ((flags & SENSE_MASK) == 0)) {
            throw new IllegalArgumentException("a version needs a comparison and a comparison a version: " + name);
        }
    }

    /** A dependency on a name, any version. */
    public static Dependency of(String name) {
        return new Dependency(name, 0, null);
    }

    /** A dependency on exactly this version ({@code name = evr}), as a package provides its own name. */
    public static Dependency exactly(String name, String evr) {
        return new Dependency(name, EQUAL, evr);
    }

    public boolean isRich() {
        return name.startsWith("(");
    }

    /** The comparison only, without qualifier bits. */
    public int sense() {
        return flags & SENSE_MASK;
    }

    /** The parsed rich dependency; only for {@link #isRich()} dependencies. */
    public RichDependency rich() {
        try {
            return RichDependency.parse(name);
        } catch (DependencyException e) {
            throw new IllegalStateException("a rich dependency that does not parse: " + name, e);
        }
    }

    /**
     * Whether a provide satisfies this (simple) dependency: the same name, and versions that overlap
     * as rpm decides ({@code rpmdsCompare}): a side without a version or comparison matches any.
     */
    public boolean satisfiedBy(Dependency provide) {
        return name.equals(provide.name) && overlaps(provide.evr, provide.sense(), evr, sense());
    }

    /** rpm's {@code rpmverOverlap} of two version ranges; without a version on either side, they overlap. */
    static boolean overlaps(String evrA, int senseA, String evrB, int senseB) {
        if (senseA == 0 || senseB == 0 || evrA == null || evrA.isEmpty() || evrB == null || evrB.isEmpty()) {
            return true;
        }
        RpmVersions.Evr a = RpmVersions.Evr.parse(evrA);
        RpmVersions.Evr b = RpmVersions.Evr.parse(evrB);
        int result = 0;
        if (present(a.epoch()) && present(b.epoch())) {
            result = RpmVersions.rpmvercmp(a.epoch(), b.epoch());
        } else if (present(a.epoch()) && positive(a.epoch())) {
            result = 1;
        } else if (present(b.epoch()) && positive(b.epoch())) {
            result = -1;
        }
        if (result == 0) {
            result = RpmVersions.rpmvercmp(a.version(), b.version());
            if (result == 0) {
                if (present(a.release()) && present(b.release())) {
                    result = RpmVersions.rpmvercmp(a.release(), b.release());
                } else if ((present(a.release()) && (senseB & EQUAL) != 0)
                        || (present(b.release()) && (senseA & EQUAL) != 0)) {
                    return true;
                }
            }
        }
        if (result < 0) {
            return (senseA & GREATER) != 0 || (senseB & LESS) != 0;
        }
        if (result > 0) {
            return (senseA & LESS) != 0 || (senseB & GREATER) != 0;
        }
        return ((senseA & EQUAL) != 0 && (senseB & EQUAL) != 0)
                || ((senseA & LESS) != 0 && (senseB & LESS) != 0)
                || ((senseA & GREATER) != 0 && (senseB & GREATER) != 0);
    }

    private static boolean present(String part) {
        return part != null && !part.isEmpty();
    }

    private static boolean positive(String epoch) {
        int digits = 0;
        while (digits < epoch.length() && Character.isDigit(epoch.charAt(digits))) {
            digits++;
        }
        return epoch.substring(0, digits).chars().anyMatch(c -> c != '0');
    }

    /** The comparison as rpm prints it: {@code <}, {@code >}, {@code =} in that order. */
    public static String operator(int flags) {
        StringBuilder out = new StringBuilder(2);
        if ((flags & LESS) != 0) {
            out.append('<');
        }
        if ((flags & GREATER) != 0) {
            out.append('>');
        }
        if ((flags & EQUAL) != 0) {
            out.append('=');
        }
        return out.toString();
    }

    /** As {@code rpmspec -q} prints it: {@code name}, or {@code name op evr}. */
    @Override
    public String toString() {
        return evr == null ? name : name + " " + operator(flags) + " " + evr;
    }

    /** Code point order, which is the byte order of UTF-8 (and of ISO-8859-1 text read a byte per char). */
    private static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
