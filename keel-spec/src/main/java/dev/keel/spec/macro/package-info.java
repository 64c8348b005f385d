/**
 * An RPM macro expander that computes a spec's name, epoch, version and release the way
 * {@code rpmspec -q --srpm --qf '%{name}|%{epoch}|%{version}|%{release}'} does:
 * {@link dev.keel.spec.macro.MacroExpander#evaluate MacroExpander.evaluate(spec, context)} with a
 * {@link dev.keel.spec.macro.MacroContext} (target arch/OS, {@code --define}s, {@code --with}/
 * {@code --without}, the built-in macros of {@code BuiltinMacros}, macro files for
 * {@code %{load:}}); and reads the whole spec with
 * {@link dev.keel.spec.macro.MacroExpander#evaluateSpec evaluateSpec}: the build requirements as
 * {@code rpmspec -q --buildrequires} prints them, and each binary package with its provides,
 * requires and {@code %files} entries ({@link dev.keel.spec.macro.ExpandedSpec}).
 *
 * <h2>What follows rpm (4.18, {@code build/parseSpec.c}, {@code rpmio/macro.c},
 * {@code rpmio/expression.c})</h2>
 *
 * <ul>
 *   <li><b>Reading.</b> Physical lines are joined while a {@code %{}, {@code %(} or {@code %[} is
 *       open or a line ends in a backslash; the unit is expanded as a whole (comments too, so
 *       {@code # %global x 1} defines {@code x}), then read line by line. Units in a branch not
 *       taken are not expanded. For the name, epoch, version and release, reading stops at the
 *       first section header: nothing after it can change them; the whole spec is read in order,
 *       every section expanded, as rpm's section parsers do.
 *   <li><b>Conditionals.</b> {@code %if}/{@code %elif} use rpm's expression language on the
 *       expanded line; {@code %ifarch}/{@code %ifnarch}/{@code %elifarch} match
 *       {@code %{_target_cpu}}, {@code %ifos}/{@code %ifnos}/{@code %elifos} {@code %{_target_os}};
 *       misplaced {@code %else}/{@code %elif}/{@code %endif} and bad conditions are errors.
 *   <li><b>Macros.</b> Each name is a stack: {@code %undefine} uncovers the previous definition.
 *       {@code %define} bodies expand where used, {@code %global} bodies where defined; a
 *       {@code %define} inside a parametric macro is local to the call. Parametric macros get
 *       {@code %0 %1... %# %* %**} and getopt options {@code %{-a} %{-a*}}. Undefined macros stay
 *       as written. {@code %bcond*}, {@code %{with}}, {@code %{defined}}... are rpm's own
 *       definitions, so they behave exactly as in rpm.
 *   <li><b>Tags</b> are read from expanded lines at column 0 and checked as rpm checks them (one
 *       token; allowed characters; an unsigned epoch); each defines its macro ({@code %{version}},
 *       {@code %{VERSION}}). {@code BuildArch} makes rpm read the spec again with
 *       {@code %{_target_cpu}} set to that architecture, keeping the macros defined so far.
 *   <li><b>Built-ins</b>: rpm 4.18's functions plus {@code %{len:}}, {@code %{lower:}},
 *       {@code %{upper:}} and {@code %{sub:}} from rpm 4.19.
 * </ul>
 *
 * <h2>Undeterminable, never guessed</h2>
 *
 * A value is undeterminable, with the reason, when it depends on: a shell command {@code %(...)}
 * (never run); Lua (never run; a chunk that may define macros makes every later value
 * undeterminable); the environment or file system ({@code %{getenv:}}, {@code %{exists:}}...); a
 * macro the context does not define that survives into the value or starts a preamble line (a
 * macro from a package such as {@code %forgemeta}); a condition on any of these (every macro its
 * branches may define and every tag they set becomes unknown); {@code %include} or
 * {@code %{load:}}. When rpm itself would reject the spec (an error in a macro, a bad condition, an
 * invalid tag, a missing {@code Name}/{@code Version}/{@code Release}), all four values are
 * undeterminable with rpm's complaint.
 *
 * <p>{@code %autorelease} (rpmautospec) is not computed: it numbers releases from git history.
 * It is undeterminable unless the context defines it, e.g. {@code --define autorelease=1%{?dist}}.
 *
 * <h2>Bounds</h2>
 *
 * 64 nested expansions (rpm's limit, an error as in rpm); 16 Mi characters of expanded text and
 * one million macro calls per spec (Keel's bounds against runaway expansion, reported as such).
 *
 * <p>Builds on the syntax tree of {@link dev.keel.spec} and on {@link dev.keel.spec.dependency};
 * nothing else in keel-spec uses it.
 */
package dev.keel.spec.macro;
