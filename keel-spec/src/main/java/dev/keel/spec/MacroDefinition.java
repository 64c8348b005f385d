package dev.keel.spec;

/**
 * A macro definition line: {@code %global}, {@code %define}, {@code %undefine} or a build
 * conditional ({@code %bcond}, {@code %bcond_with}, {@code %bcond_without}).
 *
 * @param element the element holding it (several physical lines for a continued body)
 * @param kind which directive
 * @param name the macro or build-conditional name
 * @param parameters the parameter spec in parentheses after the name, or {@code null}
 * @param body the body as written (for bconds: the default expression), possibly multi-line
 */
public record MacroDefinition(int element, Kind kind, String name, String parameters, String body)
        implements ElementItem {

    /** The directive that made the definition. */
    public enum Kind {
        GLOBAL("%global"),
        DEFINE("%define"),
        UNDEFINE("%undefine"),
        BCOND("%bcond"),
        BCOND_WITH("%bcond_with"),
        BCOND_WITHOUT("%bcond_without");

        private final String directive;

        Kind(String directive) {
            this.directive = directive;
        }

        public String directive() {
            return directive;
        }

        public boolean isBcond() {
            return this == BCOND || this == BCOND_WITH || this == BCOND_WITHOUT;
        }
    }
}
