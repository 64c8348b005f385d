package dev.keel.spec.macro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a spec is evaluated against: the target architecture and operating system, the built-in
 * macros (see {@link BuiltinMacros}, including the optional Fedora layer), {@code --with}/{@code
 * --without} build conditionals and the caller's {@code --define NAME=VALUE} values, which win over
 * everything else, as on rpm's command line.
 *
 * <pre>{@code
 * MacroContext context = MacroContext.builder().define("dist", ".fc45").fedora(45).with("tests").build();
 * }</pre>
 */
public final class MacroContext {

    private final String arch;
    private final String os;
    private final Integer fedora;
    private final Set<String> with;
    private final Set<String> without;
    private final Map<String, String> defines;
    private final Map<String, String> macroFiles;

    private MacroContext(Builder builder) {
        this.arch = builder.arch;
        this.os = builder.os;
        this.fedora = builder.fedora;
        this.with = Set.copyOf(builder.with);
        this.without = Set.copyOf(builder.without);
        this.defines = new LinkedHashMap<>(builder.defines);
        this.macroFiles = Map.copyOf(builder.macroFiles);
    }

    /** Stock rpm macros for {@code x86_64}/{@code linux}, no Fedora layer, nothing defined. */
    public static MacroContext defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this context's settings, to derive a context from it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.arch = arch;
        builder.os = os;
        builder.fedora = fedora;
        builder.with.addAll(with);
        builder.without.addAll(without);
        builder.defines.putAll(defines);
        builder.macroFiles.putAll(macroFiles);
        return builder;
    }

    /** The target CPU ({@code %{_target_cpu}}, {@code %{_arch}}). */
    public String arch() {
        return arch;
    }

    /** The target operating system ({@code %{_target_os}}). */
    public String os() {
        return os;
    }

    /** The Fedora release the Fedora layer describes, or {@code null} without that layer. */
    public Integer fedora() {
        return fedora;
    }

    /** The macro files {@code %{load:PATH}} reads, by path. */
    Map<String, String> macroFiles() {
        return macroFiles;
    }

    /** Every predefined macro in the order rpm would push it: built-ins, then conditionals, then defines. */
    List<PredefinedMacro> predefined() {
        List<PredefinedMacro> all = new ArrayList<>(BuiltinMacros.of(this));
        with.forEach(name -> all.add(PredefinedMacro.parse("_with_" + name, "--with-" + name)));
        without.forEach(name -> all.add(PredefinedMacro.parse("_without_" + name, "--without-" + name)));
        defines.forEach((name, body) -> all.add(PredefinedMacro.parse(name, body)));
        return all;
    }

    /** Builds a {@link MacroContext}. */
    public static final class Builder {

        private String arch = "x86_64";
        private String os = "linux";
        private Integer fedora;
        private final Set<String> with = new LinkedHashSet<>();
        private final Set<String> without = new LinkedHashSet<>();
        private final Map<String, String> defines = new LinkedHashMap<>();
        private final Map<String, String> macroFiles = new LinkedHashMap<>();

        private Builder() {}

        public Builder arch(String arch) {
            this.arch = Objects.requireNonNull(arch, "arch");
            return this;
        }

        public Builder os(String os) {
            this.os = Objects.requireNonNull(os, "os");
            return this;
        }

        /** Adds the Fedora layer of {@link BuiltinMacros} for this release ({@code %{fedora}} and friends). */
        public Builder fedora(int release) {
            this.fedora = release;
            return this;
        }

        /** Like {@code rpmbuild --with NAME}: defines {@code %{_with_NAME}}. */
        public Builder with(String name) {
            with.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Like {@code rpmbuild --without NAME}: defines {@code %{_without_NAME}}. */
        public Builder without(String name) {
            without.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Like {@code --define 'NAME VALUE'}: the body is stored as given and expanded where used. A
         * later definition of the same name replaces an earlier one.
         */
        public Builder define(String name, String value) {
            defines.remove(Objects.requireNonNull(name, "name"));
            defines.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * A macro file {@code %{load:PATH}} reads when its argument expands to exactly {@code path}
         * (a rendered spec loads its {@code <name>.azl.macros} from {@code %{_sourcedir}}). Without
         * it, a load makes everything after it undeterminable.
         */
        public Builder macroFile(String path, String contents) {
            macroFiles.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(contents, "contents"));
            return this;
        }

        /** Defines from {@code NAME=VALUE} (or rpm's own {@code NAME VALUE}) text. */
        public Builder define(String definition) {
            int split = 0;
            while (split < definition.length() && "= \t".indexOf(definition.charAt(split)) < 0) {
                split++;
            }
            if (split == 0 || split == definition.length()) {
                throw new IllegalArgumentException("expected NAME=VALUE, got: " + definition);
            }
            return define(definition.substring(0, split).strip(), definition.substring(split + 1));
        }

        public MacroContext build() {
            return new MacroContext(this);
        }
    }
}
