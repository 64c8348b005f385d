package dev.keel.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import dev.keel.testing.Architecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * keel-cli's own packages: no cycles, the demo below the commands, and the commands apart from
 * each other and from the helpers they share. A command is a top-level class annotated with
 * picocli's {@code @Command}, with the classes nested in it (a group's subcommands among them).
 */
class CliArchitectureTest {

    private static final JavaClasses CLASSES = Architecture.mainClasses("dev.keel.cli");

    private static final DescribedPredicate<JavaClass> IN_A_COMMAND =
            describe("are in a command", javaClass -> isCommand(topLevel(javaClass)));

    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_COMMANDS =
            describe("are in no command", javaClass -> !isCommand(topLevel(javaClass)));

    @Test
    void packagesHaveNoCycles() {
        Architecture.noPackageCycles().check(CLASSES);
    }

    @Test
    void demoNeverUsesTheCommands() {
        Architecture.layers("dev.keel.cli.demo", "dev.keel.cli").check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Architecture.everyPackageHasPackageInfo().check(CLASSES);
    }

    /** A command uses another only as its parent: the root's global options, or the subcommands it lists. */
    @Test
    void commandsUseNoOtherCommandButTheirParents() {
        classes()
                .that(IN_A_COMMAND)
                .should(useOtherCommandsOnlyAsParents())
                .because("each command stands alone; what they share lives in helpers")
                .check(CLASSES);
    }

    /** Tables, JSON, reports, status and options serve every command and know none of them. */
    @Test
    void helpersNeverUseCommands() {
        noClasses()
                .that()
                .resideInAPackage("dev.keel.cli")
                .and(OUTSIDE_THE_COMMANDS)
                // the command line's wiring: Main builds it, ErrorHandler reads the root's options
                .and()
                .doNotBelongToAnyOf(Main.class, ErrorHandler.class)
                .should()
                .dependOnClassesThat(IN_A_COMMAND)
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> useOtherCommandsOnlyAsParents() {
        return new ArchCondition<>("use no other command but KeelCommand and the subcommands they list") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                JavaClass own = topLevel(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    JavaClass command = topLevel(target);
                    if (isCommand(command)
                            && !command.equals(own)
                            && !command.isEquivalentTo(KeelCommand.class)
                            && !subcommands(javaClass).contains(target)) {
                        events.add(violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static List<JavaClass> subcommands(JavaClass javaClass) {
        return javaClass
                .tryGetAnnotationOfType(Command.class.getName())
                .flatMap(command -> command.get("subcommands"))
                .map(listed -> Arrays.asList((JavaClass[]) listed))
                .orElse(List.of());
    }

    private static boolean isCommand(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(Command.class);
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
