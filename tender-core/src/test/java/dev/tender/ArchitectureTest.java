package dev.tender;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The core depends on the JDK alone, its features do not lean on each other in circles, its names
 * say what things are, and the compiler checks the nullness of all of it.
 */
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
                // JSpecify's annotations say what may be null; they are read by the compiler only.
                .resideInAnyPackage("java..", "dev.tender..", "org.jspecify.annotations..")
                .check(CORE);
    }

    /**
     * NullAway checks only code in a {@code @NullMarked} package (ADR 0012), so a package without
     * its {@code package-info.java} would silently go unchecked.
     */
    @Test
    void everyClassLivesInANullMarkedPackage() {
        classes()
                .that()
                .resideInAPackage("dev.tender..")
                .should(liveInANullMarkedPackage())
                .check(CORE);
    }

    private static ArchCondition<JavaClass> liveInANullMarkedPackage() {
        return new ArchCondition<>("live in a @NullMarked package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean marked = javaClass.getPackage().isAnnotatedWith(NullMarked.class);
                events.add(new SimpleConditionEvent(
                        javaClass,
                        marked,
                        javaClass.getName() + " is in " + javaClass.getPackageName()
                                + (marked ? ", which is @NullMarked" : ", which has no @NullMarked package-info")));
            }
        };
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
