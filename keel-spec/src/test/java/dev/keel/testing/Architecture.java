package dev.keel.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ArchUnit rules every module checks on its own main classes (keel-cli, which sees every
 * module, also checks them across modules): no package cycles, a package-info in every package,
 * packages in layers, module boundaries and unique class names.
 */
public final class Architecture {

    /** Main classes only: not test classes, not test jars, not the generated JMH harness. */
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar")
            && !location.contains("/jmh_generated/");

    private Architecture() {}

    /** The main classes of the packages (and their subpackages) on the class path. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages(packages);
    }

    /** No cycle between packages: each package under {@code dev.keel} is a slice. */
    public static ArchRule noPackageCycles() {
        return slices().matching("dev.keel.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("dependencies between packages point one way");
    }

    /** Every package with a class has a {@code package-info} saying what it is for. */
    public static ArchRule everyPackageHasPackageInfo() {
        ArchCondition<JavaPackage> havePackageInfo = new ArchCondition<>("have a package-info") {
            @Override
            public void check(JavaPackage javaPackage, ConditionEvents events) {
                if (javaPackage.tryGetPackageInfo().isEmpty()) {
                    events.add(violated(javaPackage, javaPackage.getName() + " has no package-info.java"));
                }
            }
        };
        return all(packagesOfClasses()).should(havePackageInfo);
    }

    /**
     * Packages in layers, lowest first: a class may use the classes of its own package and of the
     * packages listed before it, never those listed after it. Each name is one package, not its
     * subpackages; every class checked must be in one of them, so a new package has to take its
     * place in the order.
     */
    public static ArchRule layers(String... packagesLowestFirst) {
        LayeredArchitecture layered = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : packagesLowestFirst) {
            layered = layered.layer(name).definedBy(name);
        }
        for (int i = 0; i < packagesLowestFirst.length; i++) {
            String[] higher = Arrays.copyOfRange(packagesLowestFirst, i + 1, packagesLowestFirst.length);
            layered = higher.length == 0
                    ? layered.whereLayer(packagesLowestFirst[i]).mayNotBeAccessedByAnyLayer()
                    : layered.whereLayer(packagesLowestFirst[i]).mayOnlyBeAccessedByLayers(higher);
        }
        return layered.ensureAllClassesAreContainedInArchitecture().because("lower packages never import higher ones");
    }

    /**
     * The classes of {@code module} (a package pattern such as {@code dev.keel.core..}) use no Keel
     * classes but those of {@code allowed} (package patterns, the module's own among them).
     */
    public static ArchRule moduleUsesOnly(String module, String... allowed) {
        DescribedPredicate<JavaClass> allowedClasses = describe(
                "are outside dev.keel or in " + String.join(", ", allowed),
                javaClass -> !javaClass.getPackageName().startsWith("dev.keel.")
                        || Arrays.stream(allowed).anyMatch(pattern -> matches(javaClass, pattern)));
        return classes()
                .that()
                .resideInAPackage(module)
                .should()
                .onlyDependOnClassesThat(allowedClasses)
                .because("modules depend one way: keel-spec <- keel-core <- keel-build and keel-audit <- keel-cli");
    }

    /** No two top-level classes, in any package or module checked, share a simple name. */
    public static ArchRule topLevelClassNamesAreUnique() {
        ArchCondition<JavaClass> haveUniqueNames = new ArchCondition<>("have a simple name no other class has") {
            private Map<String, Set<String>> byName = Map.of();

            @Override
            public void init(Collection<JavaClass> allClasses) {
                byName = allClasses.stream()
                        .collect(Collectors.groupingBy(
                                JavaClass::getSimpleName,
                                Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<String> named = byName.get(javaClass.getSimpleName());
                if (named.size() > 1) {
                    events.add(violated(
                            javaClass,
                            javaClass.getName() + " shares its simple name with " + others(named, javaClass)));
                }
            }
        };
        return classes()
                .that(describe("are top-level", JavaClass::isTopLevelClass))
                .and()
                .doNotHaveSimpleName("package-info")
                .should(haveUniqueNames)
                .because("a simple name in an import or a trace says which class is meant");
    }

    private static List<String> others(Set<String> named, JavaClass javaClass) {
        return named.stream().filter(name -> !name.equals(javaClass.getName())).toList();
    }

    private static boolean matches(JavaClass javaClass, String pattern) {
        return PackageMatcher.of(pattern).matches(javaClass.getPackageName());
    }

    private static AbstractClassesTransformer<JavaPackage> packagesOfClasses() {
        return new AbstractClassesTransformer<>("packages") {
            @Override
            public Iterable<JavaPackage> doTransform(JavaClasses classes) {
                Map<String, JavaPackage> byName = classes.stream()
                        .map(JavaClass::getPackage)
                        .collect(
                                Collectors.toMap(JavaPackage::getName, Function.identity(), (a, b) -> a, TreeMap::new));
                return byName.values();
            }
        };
    }
}
