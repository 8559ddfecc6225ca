package dev.tender.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only code in a {@code @NullMarked} package (ADR 0012), so a package without its
 * {@code package-info.java} would go unchecked without a word. The main classes of the core, io,
 * the simulator and this module are all on this module's test class path; the benchmarks check
 * their own.
 */
class NullMarkedPackagesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            // The simulator's test jar is on the class path as well, for its fixtures.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tender");

    @Test
    void importsTheMainClassesOfEveryModuleItDependsOn() {
        assertThat(MAIN.contain("dev.tender.broker.Broker")).isTrue();
        assertThat(MAIN.contain("dev.tender.scenario.ScenarioReader")).isTrue();
        assertThat(MAIN.contain("dev.tender.sim.Simulation")).isTrue();
        assertThat(MAIN.contain(Main.class)).isTrue();
        assertThat(MAIN.contain("dev.tender.sim.InvariantChecker")).isFalse();
        assertThat(MAIN.contain(NullMarkedPackagesTest.class)).isFalse();
    }

    @Test
    void everyMainClassLivesInANullMarkedPackage() {
        classes()
                .should(ArchCondition.from(DescribedPredicate.<JavaClass>describe(
                        "live in a @NullMarked package",
                        javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class))))
                .check(MAIN);
    }
}
