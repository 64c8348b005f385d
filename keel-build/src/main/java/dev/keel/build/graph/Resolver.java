package dev.keel.build.graph;

import dev.keel.spec.dependency.Dependency;
import dev.keel.spec.dependency.RichDependency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves a build requirement to the components whose packages satisfy it:
 *
 * <ul>
 *   <li>a plain requirement: the packages that provide its name with an overlapping version (rpm's
 *       comparison; a provide without a version satisfies any). Several components providing it: the
 *       one that builds a package of that very name if any (as dnf prefers), else all of them, so the
 *       order holds whichever is installed; the requiring component itself counts only when nothing
 *       else provides it (it then needs an earlier build of itself);
 *   <li>{@code (a and b)}: both; {@code (a or b)}: the first alternative, in written order, that
 *       something provides; {@code (a with b)}: a package that satisfies both;
 *       {@code (a without b)}: a package that satisfies {@code a} and not {@code b};
 *   <li>{@code (a if b)}: {@code a} when something in the distro satisfies {@code b} (it would be
 *       installed with it), else nothing; {@code (a if b else c)}: else {@code c};
 *       {@code (a unless b [else c])}: the opposite.
 * </ul>
 */
final class Resolver {

    /**
     * What a requirement needs.
     *
     * @param satisfied whether the distro satisfies it
     * @param components the components to build first (the requiring one only when it needs itself)
     */
    record Resolution(boolean satisfied, SortedSet<String> components) {

        static final Resolution UNSATISFIED = new Resolution(false, new TreeSet<>());
        static final Resolution NOTHING = new Resolution(true, new TreeSet<>());
    }

    /** A package, as the component that builds it and its position there. */
    private record PackageKey(String component, int index) {}

    private final ProviderIndex index;

    Resolver(ProviderIndex index) {
        this.index = index;
    }

    Resolution resolve(String requirer, Dependency requirement) {
        if (!requirement.isRich()) {
            return simple(requirer, requirement);
        }
        return rich(requirer, requirement.rich());
    }

    private Resolution simple(String requirer, Dependency requirement) {
        List<ProviderIndex.Provider> providers = index.providers(requirement);
        if (providers.isEmpty()) {
            return Resolution.UNSATISFIED;
        }
        SortedSet<String> exact = new TreeSet<>();
        SortedSet<String> all = new TreeSet<>();
        for (ProviderIndex.Provider provider : providers) {
            all.add(provider.component());
            if (requirement.name().equals(provider.packageName())) {
                exact.add(provider.component());
            }
        }
        SortedSet<String> chosen = exact.isEmpty() ? all : exact;
        if (chosen.size() > 1) {
            chosen.remove(requirer);
        }
        return new Resolution(true, chosen);
    }

    private Resolution rich(String requirer, RichDependency rich) {
        if (rich instanceof RichDependency.Simple simple) {
            return simple(requirer, simple.dependency());
        }
        if (rich instanceof RichDependency.Parenthesized group) {
            return rich(requirer, group.operand());
        }
        if (rich instanceof RichDependency.Conditional conditional) {
            return conditional(requirer, conditional);
        }
        RichDependency.Operation operation = (RichDependency.Operation) rich;
        return switch (operation.operator()) {
            case AND -> all(requirer, operation.operands());
            case OR -> first(requirer, operation.operands());
            case WITH, WITHOUT -> packageLevel(requirer, operation);
        };
    }

    private Resolution all(String requirer, List<RichDependency> operands) {
        SortedSet<String> components = new TreeSet<>();
        for (RichDependency operand : operands) {
            Resolution resolution = rich(requirer, operand);
            if (!resolution.satisfied()) {
                return Resolution.UNSATISFIED;
            }
            components.addAll(resolution.components());
        }
        return new Resolution(true, components);
    }

    private Resolution first(String requirer, List<RichDependency> operands) {
        for (RichDependency operand : operands) {
            Resolution resolution = rich(requirer, operand);
            if (resolution.satisfied()) {
                return resolution;
            }
        }
        return Resolution.UNSATISFIED;
    }

    private Resolution conditional(String requirer, RichDependency.Conditional conditional) {
        boolean holds = rich(requirer, conditional.condition()).satisfied() != conditional.negated();
        RichDependency needed = holds ? conditional.then() : conditional.otherwise();
        return needed == null ? Resolution.NOTHING : rich(requirer, needed);
    }

    /**
     * {@code with}/{@code without}: one package must satisfy every {@code with} operand (and no
     * {@code without} one); operands that are not plain dependencies fall back to {@code and}.
     */
    private Resolution packageLevel(String requirer, RichDependency.Operation operation) {
        List<RichDependency> operands = operation.operands();
        if (!operands.stream().allMatch(RichDependency.Simple.class::isInstance)) {
            return operation.operator() == RichDependency.Operator.WITH
                    ? all(requirer, operands)
                    : rich(requirer, operands.get(0));
        }
        Set<PackageKey> candidates = packages(((RichDependency.Simple) operands.get(0)).dependency());
        for (RichDependency operand : operands.subList(1, operands.size())) {
            Set<PackageKey> these = packages(((RichDependency.Simple) operand).dependency());
            if (operation.operator() == RichDependency.Operator.WITH) {
                candidates.retainAll(these);
            } else {
                candidates.removeAll(these);
            }
        }
        if (candidates.isEmpty()) {
            return Resolution.UNSATISFIED;
        }
        SortedSet<String> components = new TreeSet<>();
        candidates.forEach(key -> components.add(key.component()));
        if (components.size() > 1) {
            components.remove(requirer);
        }
        return new Resolution(true, components);
    }

    private Set<PackageKey> packages(Dependency requirement) {
        Set<PackageKey> keys = new LinkedHashSet<>();
        for (ProviderIndex.Provider provider : index.providers(requirement)) {
            keys.add(new PackageKey(provider.component(), provider.packageIndex()));
        }
        return keys;
    }
}
