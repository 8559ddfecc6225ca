package dev.tender.agreement;

import static dev.tender.fixtures.TestWorld.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.fixtures.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static final Scope API = scope(List.of("api"), List.of(), List.of());
    private static final Scope GB200 = scope(List.of(), List.of("GB200"), List.of());
    private static final Scope US_EAST = scope(List.of(), List.of(), List.of("us-east"));
    private static final Scope US = scope(List.of(), List.of(), List.of("us-east", "us-west"));

    @Test
    void emptyListsCoverEverything() {
        assertThat(Scope.EVERYTHING.covers(Requests.request("r").build())).isTrue();
        assertThat(Scope.EVERYTHING.covers(Requests.request("r")
                        .workload("research")
                        .regions("eu-west")
                        .build()))
                .isTrue();
    }

    @Test
    void workloadAndAcceleratorMustBeListed() {
        assertThat(API.covers(Requests.request("r").workload("api").build())).isTrue();
        assertThat(API.covers(Requests.request("r").workload("training").build()))
                .isFalse();
        assertThat(GB200.covers(Requests.request("r").accelerator("GB200").build()))
                .isTrue();
        assertThat(GB200.covers(Requests.request("r").accelerator("H100").build()))
                .isFalse();
        Scope both = scope(List.of("api", "product"), List.of("H100"), List.of());
        assertThat(both.covers(Requests.request("r").workload("product").build()))
                .isTrue();
        assertThat(both.covers(Requests.request("r")
                        .workload("product")
                        .accelerator("GB200")
                        .build()))
                .isFalse();
    }

    @Test
    void regionsAreStrict() {
        assertThat(US_EAST.covers(Requests.request("r").regions("us-east").build()))
                .isTrue();
        assertThat(US_EAST.covers(
                        Requests.request("r").regions("us-east", "us-west").build()))
                .as("one allowed region lies outside the clause")
                .isFalse();
        assertThat(US.covers(Requests.request("r").regions("us-west", "us-east").build()))
                .isTrue();
        assertThat(US.covers(Requests.request("r").build()))
                .as("a request allowing any region is covered only by a clause without regions")
                .isFalse();
        assertThat(API.covers(
                        Requests.request("r").workload("api").regions("eu-west").build()))
                .isTrue();
    }

    @Test
    void overlapsWhenSomeRequestFallsInBoth() {
        assertThat(API.overlaps(Scope.EVERYTHING)).isTrue();
        assertThat(API.overlaps(GB200)).isTrue();
        assertThat(API.overlaps(scope(List.of("training"), List.of(), List.of())))
                .isFalse();
        assertThat(API.overlaps(scope(List.of("training", "api"), List.of(), List.of())))
                .isTrue();
        assertThat(GB200.overlaps(scope(List.of(), List.of("H100"), List.of()))).isFalse();
        assertThat(US_EAST.overlaps(US)).isTrue();
        assertThat(US_EAST.overlaps(scope(List.of(), List.of(), List.of("us-west"))))
                .isFalse();
        assertThat(US_EAST.overlaps(API)).isTrue();
        assertThat(scope(List.of("api"), List.of("GB200"), List.of())
                        .overlaps(scope(List.of("api"), List.of("H100"), List.of())))
                .as("one dimension apart is enough")
                .isFalse();
    }

    @Test
    void overlapIsSymmetric() {
        List<Scope> scopes = List.of(Scope.EVERYTHING, API, GB200, US_EAST, US);
        for (Scope a : scopes) {
            for (Scope b : scopes) {
                assertThat(a.overlaps(b)).as("%s / %s", a, b).isEqualTo(b.overlaps(a));
            }
        }
    }

    @Test
    void describesItself() {
        assertThat(Scope.EVERYTHING).hasToString("all requests");
        assertThat(scope(List.of("product", "api"), List.of("H100"), List.of("us-west", "us-east")))
                .hasToString("workloads api/product, accelerators H100, regions us-east/us-west");
    }
}
