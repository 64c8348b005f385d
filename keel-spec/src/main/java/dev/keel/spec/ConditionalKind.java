package dev.keel.spec;

/** The conditional directives rpm knows. */
public enum ConditionalKind {
    IF("%if", true),
    IFARCH("%ifarch", true),
    IFNARCH("%ifnarch", true),
    IFOS("%ifos", true),
    IFNOS("%ifnos", true),
    ELIF("%elif", true),
    ELIFARCH("%elifarch", true),
    ELIFOS("%elifos", true),
    ELSE("%else", false),
    ENDIF("%endif", false);

    private final String directive;
    private final boolean takesArgument;

    ConditionalKind(String directive, boolean takesArgument) {
        this.directive = directive;
        this.takesArgument = takesArgument;
    }

    public String directive() {
        return directive;
    }

    public boolean takesArgument() {
        return takesArgument;
    }

    public boolean opens() {
        return ordinal() <= IFNOS.ordinal();
    }

    public boolean isBranch() {
        return this == ELIF || this == ELIFARCH || this == ELIFOS || this == ELSE;
    }
}
