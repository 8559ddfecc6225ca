package dev.tender.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The node knows nothing of HTTP: the API is an adapter around it, and the store knows neither.
 * So the node can be driven by a test, a benchmark or another transport as it is by the API.
 */
class ServerArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tender");

    @Test
    void importsTheNodeTheApiAndTheStore() {
        assertThat(MAIN.contain("dev.tender.server.node.Node")).isTrue();
        assertThat(MAIN.contain("dev.tender.server.api.Api")).isTrue();
        assertThat(MAIN.contain("dev.tender.store.Store")).isTrue();
    }

    @Test
    void theNodeDependsOnNeitherTheApiNorHttp() {
        noClasses()
                .that()
                .resideInAPackage("dev.tender.server.node..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tender.server.api..", "io.javalin..", "io.micrometer..")
                .check(MAIN);
    }

    @Test
    void theStoreKnowsNothingOfTheServer() {
        noClasses()
                .that()
                .resideInAPackage("dev.tender.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tender.server..", "io.javalin..")
                .check(MAIN);
    }
}
