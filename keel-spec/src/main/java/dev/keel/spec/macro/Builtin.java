package dev.keel.spec.macro;

/**
 * The macros rpm implements as functions (rpm 4.18's table, plus {@code len}, {@code lower},
 * {@code upper} and {@code sub} from rpm 4.19, which Fedora's rpm has).
 */
enum Builtin {
    P("P", 1, false),
    S("S", 1, false),
    BASENAME("basename", 1, false),
    DEFINE("define", 1, true),
    DIRNAME("dirname", 1, false),
    DNL("dnl", 1, true),
    DUMP("dump", 0, false),
    ECHO("echo", 1, false),
    ERROR("error", 1, false),
    EXISTS("exists", 1, false),
    EXPAND("expand", 1, false),
    EXPR("expr", 1, false),
    GETCONFDIR("getconfdir", 0, false),
    GETENV("getenv", 1, false),
    GETNCPUS("getncpus", 0, false),
    GLOBAL("global", 1, true),
    LEN("len", 1, false),
    LOAD("load", 1, false),
    LOWER("lower", 1, false),
    LUA("lua", 1, true),
    MACROBODY("macrobody", 1, false),
    QUOTE("quote", 1, false),
    SHESCAPE("shescape", 1, false),
    SHRINK("shrink", 1, false),
    SUB("sub", 1, false),
    SUFFIX("suffix", 1, false),
    TRACE("trace", 0, false),
    U2P("u2p", 1, false),
    UNCOMPRESS("uncompress", 1, false),
    UNDEFINE("undefine", 1, false),
    UPPER("upper", 1, false),
    URL2PATH("url2path", 1, false),
    VERBOSE("verbose", -1, true),
    WARN("warn", 1, false);

    private final String macroName;
    private final int arguments;
    private final boolean parsesRest;

    Builtin(String macroName, int arguments, boolean parsesRest) {
        this.macroName = macroName;
        this.arguments = arguments;
        this.parsesRest = parsesRest;
    }

    String macroName() {
        return macroName;
    }

    /** 1 when an argument is required, 0 when none is allowed, -1 when optional. */
    int arguments() {
        return arguments;
    }

    /**
     * Whether {@code %name ...} hands the rest of the text to the function unexpanded, which
     * reports how much it consumed ({@code %define}, {@code %global}, {@code %dnl}, {@code %lua}).
     */
    boolean parsesRest() {
        return parsesRest;
    }
}
