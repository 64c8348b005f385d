package dev.keel.spec.macro;

import java.util.ArrayList;
import java.util.List;

/**
 * The macros every evaluation starts with, in one place. Two layers:
 *
 * <ul>
 *   <li><b>Stock rpm</b> (always): what rpm 4.18 itself defines on a Linux machine for the target
 *       architecture, with the values of its {@code macros} and per-platform files:
 *       <table>
 *         <caption>stock macros</caption>
 *         <tr><td>{@code nil}</td><td>empty ({@code %{!?nil}})</td></tr>
 *         <tr><td>{@code _arch}, {@code _build_arch}, {@code _host_cpu}, {@code _target_cpu}</td><td>the target arch</td></tr>
 *         <tr><td>{@code _os}, {@code _host_os}, {@code _target_os}</td><td>the target OS</td></tr>
 *         <tr><td>{@code _usr}, {@code _prefix}, {@code _exec_prefix}</td><td>{@code /usr}</td></tr>
 *         <tr><td>{@code _var}, {@code _localstatedir}</td><td>{@code /var}</td></tr>
 *         <tr><td>{@code _bindir}, {@code _sbindir}, {@code _libexecdir}</td><td>{@code /usr/bin}, {@code /usr/sbin}, {@code /usr/libexec}</td></tr>
 *         <tr><td>{@code _lib}, {@code _libdir}</td><td>{@code lib64}, {@code /usr/lib64} on 64-bit targets ({@code lib} otherwise)</td></tr>
 *         <tr><td>{@code _isa}, {@code __isa}, {@code __isa_name}, {@code __isa_bits}</td><td>{@code (x86-64)}, {@code x86-64},
 *             {@code x86}, {@code 64} on x86_64 (rpm's per-platform values; {@code (aarch-64)} on aarch64...)</td></tr>
 *         <tr><td>{@code _datarootdir}, {@code _datadir}</td><td>{@code /usr/share}</td></tr>
 *         <tr><td>{@code _sysconfdir}, {@code _initddir}</td><td>{@code /etc}, {@code /etc/init.d}</td></tr>
 *         <tr><td>{@code _includedir}, {@code _infodir}, {@code _mandir}</td><td>{@code /usr/include}, {@code /usr/share/info}, {@code /usr/share/man}</td></tr>
 *         <tr><td>{@code _defaultdocdir}, {@code _docdir}</td><td>{@code /usr/share/doc}</td></tr>
 *         <tr><td>{@code _rundir}, {@code _tmppath}</td><td>{@code /run}, {@code /var/tmp}</td></tr>
 *         <tr><td>{@code ix86}, {@code arm32}, {@code arm}, {@code arm64}, {@code mips*}, {@code sparc},
 *             {@code alpha}, {@code power64}, {@code riscv*}, {@code loongarch64}</td><td>rpm's architecture lists</td></tr>
 *         <tr><td>{@code defined}, {@code undefined}, {@code with}, {@code without}, {@code bcond},
 *             {@code bcond_with}, {@code bcond_without}</td><td>rpm's own parametric definitions</td></tr>
 *       </table>
 *   <li><b>Fedora</b> (with {@link MacroContext.Builder#fedora(int)}): {@code fedora} (the release),
 *       {@code fcN} ({@code 1}), {@code _vendor} ({@code redhat}), {@code x86_64} (its arch list),
 *       {@code _sharedstatedir} ({@code /var/lib}), {@code _unitdir}, {@code python3_pkgversion}
 *       ({@code 3}), {@code __python3} and {@code python3} ({@code /usr/bin/python3}),
 *       {@code __default_python3_pkgversion} (the release's main Python: {@code 3.12} for 39-40,
 *       {@code 3.13} for 41-42, {@code 3.14} for 43; undefined otherwise), and perl's directories
 *       {@code perl_privlib} ({@code /usr/share/perl5}), {@code perl_archlib}
 *       ({@code /usr/lib64/perl5}), {@code perl_vendorlib} and {@code perl_vendorarch} (their
 *       {@code vendor_perl}), which Fedora computes by running perl, and rpmautospec's fallback
 *       {@code %autorelease} (release 1 with its options), which Fedora's build root has for a spec
 *       rpmautospec has not processed.
 * </ul>
 *
 * Macros that other packages provide (rpmautospec's {@code %autorelease} outside the Fedora layer,
 * forge, Go, Rust, font macros...) are deliberately absent: a spec that needs them for its name, epoch, version or release
 * gets "undeterminable" unless the caller defines them.
 */
final class BuiltinMacros {

    private static final String[][] STOCK = {
        {"nil", "%{!?nil}"},
        {"_usr", "/usr"},
        {"_var", "/var"},
        {"_prefix", "%{_usr}"},
        {"_exec_prefix", "%{_prefix}"},
        {"_bindir", "%{_exec_prefix}/bin"},
        {"_sbindir", "%{_exec_prefix}/sbin"},
        {"_libexecdir", "%{_exec_prefix}/libexec"},
        {"_libdir", "%{_prefix}/%{_lib}"},
        {"_datarootdir", "%{_prefix}/share"},
        {"_datadir", "%{_datarootdir}"},
        {"_sysconfdir", "/etc"},
        {"_localstatedir", "%{_var}"},
        {"_sharedstatedir", "%{_prefix}/com"},
        {"_includedir", "%{_prefix}/include"},
        {"_infodir", "%{_datarootdir}/info"},
        {"_mandir", "%{_datarootdir}/man"},
        {"_initddir", "%{_sysconfdir}/init.d"},
        {"_defaultdocdir", "%{_datadir}/doc"},
        {"_docdir", "%{_defaultdocdir}"},
        {"_rundir", "/run"},
        {"_tmppath", "%{_var}/tmp"},
        {"ix86", "i386 i486 i586 i686 pentium3 pentium4 athlon geode"},
        {
            "arm32",
            "armv3l armv4b armv4l armv4tl armv5tl armv5tel armv5tejl armv6l armv6hl armv7l armv7hl armv7hnl"
                    + " armv8l armv8hl armv8hnl armv8hcnl"
        },
        {"arm", "%{arm32}"},
        {"arm64", "aarch64"},
        {"mips32", "mips mipsel mipsr6 mipsr6el"},
        {"mips64", "mips64 mips64el mips64r6 mips64r6el"},
        {"mipsel", "mipsel mipsr6el mips64el mips64r6el"},
        {"mips", "%{mips32} %{mips64}"},
        {"sparc", "sparc sparcv8 sparcv9 sparcv9v sparc64 sparc64v"},
        {"alpha", "alpha alphaev56 alphaev6 alphaev67"},
        {"power64", "ppc64 ppc64p7 ppc64le"},
        {"riscv32", "riscv32"},
        {"riscv64", "riscv64"},
        {"riscv128", "riscv128"},
        {"riscv", "%{riscv32} %{riscv64} %{riscv128}"},
        {"loongarch64", "loongarch64"},
        {"__isa", "%{__isa_name}-%{__isa_bits}"},
        {"_isa", "%{?__isa:(%{__isa})}"},
    };

    /** rpm's own parametric macros from its {@code macros} file, with the same bodies. */
    private static final String[][] PARAMETRIC = {
        {"defined", "%{expand:%%{?%{1}:1}%%{!?%{1}:0}}"},
        {"undefined", "%{expand:%%{?%{1}:0}%%{!?%{1}:1}}"},
        {
            "bcond",
            "%[ (%2)\n    ? \"%{expand:%%{!?_without_%{1}:%%global with_%{1} 1}}\"\n"
                    + "    : \"%{expand:%%{?_with_%{1}:%%global with_%{1} 1}}\"\n]"
        },
        {"bcond_with", "%bcond %{1} 0"},
        {"bcond_without", "%bcond %{1} 1"},
        {"with", "%{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}"},
        {"without", "%{expand:%%{?with_%{1}:0}%%{!?with_%{1}:1}}"},
    };

    private BuiltinMacros() {}

    static List<PredefinedMacro> of(MacroContext context) {
        List<PredefinedMacro> macros = new ArrayList<>();
        String arch = context.arch();
        for (String name : List.of("_arch", "_build_arch", "_host_cpu", "_target_cpu")) {
            macros.add(new PredefinedMacro(name, null, arch));
        }
        for (String name : List.of("_os", "_host_os", "_target_os")) {
            macros.add(new PredefinedMacro(name, null, context.os()));
        }
        macros.add(new PredefinedMacro("_lib", null, arch.contains("64") ? "lib64" : "lib"));
        String[] isa = isa(arch);
        if (isa != null) {
            macros.add(new PredefinedMacro("__isa_name", null, isa[0]));
            macros.add(new PredefinedMacro("__isa_bits", null, isa[1]));
        }
        for (String[] macro : STOCK) {
            macros.add(new PredefinedMacro(macro[0], null, macro[1]));
        }
        for (String[] macro : PARAMETRIC) {
            macros.add(new PredefinedMacro(macro[0], "", macro[1]));
        }
        if (context.fedora() != null) {
            macros.addAll(fedora(context.fedora()));
        }
        return macros;
    }

    /** rpm's per-platform {@code __isa_name} and {@code __isa_bits}, or {@code null} for an arch Keel does not know. */
    private static String[] isa(String arch) {
        return switch (arch) {
            case "x86_64", "amd64" -> new String[] {"x86", "64"};
            case "i386", "i486", "i586", "i686", "pentium3", "pentium4", "athlon", "geode" ->
                new String[] {"x86", "32"};
            case "aarch64" -> new String[] {"aarch", "64"};
            case "ppc64le", "ppc64", "ppc64p7" -> new String[] {"ppc", "64"};
            case "s390x" -> new String[] {"s390", "64"};
            case "riscv64" -> new String[] {"riscv", "64"};
            case "loongarch64" -> new String[] {"loongarch", "64"};
            default -> null;
        };
    }

    private static List<PredefinedMacro> fedora(int release) {
        List<PredefinedMacro> macros = new ArrayList<>(List.of(
                new PredefinedMacro("fedora", null, Integer.toString(release)),
                new PredefinedMacro("fc" + release, null, "1"),
                new PredefinedMacro("_vendor", null, "redhat"),
                new PredefinedMacro("x86_64", null, "x86_64 amd64 em64t"),
                new PredefinedMacro("_sharedstatedir", null, "%{_var}/lib"),
                new PredefinedMacro("_unitdir", null, "%{_prefix}/lib/systemd/system"),
                new PredefinedMacro("python3_pkgversion", null, "3"),
                new PredefinedMacro("__python3", null, "/usr/bin/python3"),
                new PredefinedMacro("python3", null, "%{__python3}"),
                new PredefinedMacro("perl_privlib", null, "%{_prefix}/share/perl5"),
                new PredefinedMacro("perl_archlib", null, "%{_libdir}/perl5"),
                new PredefinedMacro("perl_vendorlib", null, "%{perl_privlib}/vendor_perl"),
                new PredefinedMacro("perl_vendorarch", null, "%{perl_archlib}/vendor_perl"),
                // rpmautospec-rpm-macros' fallback, for a spec rpmautospec has not processed: release 1
                // (its Lua adds -b's base minus one to the release number, 1).
                new PredefinedMacro(
                        "autorelease",
                        "e:s:pb:n",
                        "%{?-p:0.}%{?-b*}%{!?-b:1}%{?-e:.%{-e*}}%{?-s:.%{-s*}}%{!?-n:%{?dist}}")));
        String python = defaultPython(release);
        if (python != null) {
            macros.add(new PredefinedMacro("__default_python3_pkgversion", null, python));
        }
        return macros;
    }

    /** The main Python of a Fedora release (python-srpm-macros' {@code __default_python3_pkgversion}), if known. */
    private static String defaultPython(int release) {
        if (release >= 39 && release <= 40) {
            return "3.12";
        }
        if (release >= 41 && release <= 42) {
            return "3.13";
        }
        return release == 43 ? "3.14" : null;
    }
}
