package dev.tender;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core depends on the JDK alone, its features do not lean on each other in circles, and its names say what things are. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.tender");

    @Test
    void importsTheMainClassesOnly() {
        assertThat(CORE.contain("dev.tender.broker.Broker")).isTrue();
        assertThat(CORE.contain("dev.tender.capacity.BucketTree")).isTrue();
        assertThat(CORE.contain(ArchitectureTest.class)).isFalse();
        assertThat(CORE.contain("dev.tender.fixtures.TestWorld")).isFalse();
    }

    @Test
    void coreDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.tender..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.tender..")
                .check(CORE);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().matching("dev.tender.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noVagueClassNames() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Data")
                .check(CORE);
    }
}
