package dev.keel.spec.macro;

import dev.keel.spec.Spec;

/**
 * Computes a spec's name, epoch, version and release the way rpm does ({@code rpmspec -q --srpm
 * --qf '%{name}|%{epoch}|%{version}|%{release}'}): macro definitions, conditionals and build
 * conditionals are processed in order up to the end of the main preamble, with rpm 4.18's rules
 * (see the {@linkplain dev.keel.spec.macro package documentation}).
 *
 * <pre>{@code
 * ExpandedTags tags = MacroExpander.evaluate(spec, MacroContext.builder().define("dist", ".fc45").build());
 * tags.release().value();   // "3.fc45", or null with tags.release().reason()
 * }</pre>
 *
 * Never throws: whatever Keel cannot compute is reported as undeterminable with a reason.
 */
public final class MacroExpander {

    private MacroExpander() {}

    public static ExpandedTags evaluate(Spec spec, MacroContext context) {
        try {
            return SpecEvaluation.tags(spec, context);
        } catch (StackOverflowError e) {
            return ExpandedTags.undeterminable("the spec nests macros too deeply for Keel to evaluate");
        } catch (RuntimeException e) {
            return ExpandedTags.undeterminable(
                    "Keel failed to evaluate the spec (a bug in Keel: please report it with the spec)");
        }
    }

    /**
     * Reads the whole spec as {@code rpmspec -q} does: besides the main package's tags, its static
     * build requirements ({@code rpmspec -q --buildrequires}) and every binary package with what it
     * provides, requires and lists in {@code %files}. Never throws.
     */
    public static ExpandedSpec evaluateSpec(Spec spec, MacroContext context) {
        try {
            return SpecEvaluation.spec(spec, context);
        } catch (StackOverflowError e) {
            return ExpandedSpec.undeterminable("the spec nests macros too deeply for Keel to evaluate");
        } catch (RuntimeException e) {
            return ExpandedSpec.undeterminable(
                    "Keel failed to evaluate the spec (a bug in Keel: please report it with the spec)");
        }
    }
}
