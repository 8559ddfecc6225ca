package dev.tender.bench;

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
 * NullAway checks only code in a {@code @NullMarked} package (ADR 0012): the benchmarks' classes
 * live in one too, but for those JMH generates. The command line's test checks the modules of the
 * product.
 */
class NullMarkedPackagesTest {

    private static final JavaClasses BENCHMARKS = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.tender.bench");

    @Test
    void everyClassOfTheBenchmarksLivesInANullMarkedPackage() {
        assertThat(BENCHMARKS.contain(EngineBenchmark.class)).isTrue();
        classes()
                .that()
                .resideOutsideOfPackage("..jmh_generated..") // JMH's own code, not ours to mark
                .should(ArchCondition.from(DescribedPredicate.<JavaClass>describe(
                        "live in a @NullMarked package",
                        javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class))))
                .check(BENCHMARKS);
    }
}
