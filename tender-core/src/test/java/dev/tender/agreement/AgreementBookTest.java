package dev.tender.agreement;

import static dev.tender.fixtures.TestWorld.at;
import static dev.tender.fixtures.TestWorld.commitment;
import static dev.tender.fixtures.TestWorld.exclusive;
import static dev.tender.fixtures.TestWorld.firstLook;
import static dev.tender.fixtures.TestWorld.match;
import static dev.tender.fixtures.TestWorld.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tender.demand.Request;
import dev.tender.fixtures.Requests;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementBookTest {

    private static final Scope ALL = Scope.EVERYTHING;
    private static final Scope API = scope(List.of("api"), List.of(), List.of());
    private static final Scope TRAINING = scope(List.of("training"), List.of(), List.of());

    @Test
    void overlappingExclusivesOfDifferentProvidersAreRefusedNamingBoth() {
        Exclusive azure = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", "2025-01-21");
        Exclusive oracle = exclusive("oracle-exclusive", "oracle", API, "2025-01-01", null);

        assertThatThrownBy(() -> new AgreementBook(List.of(azure, oracle)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("azure-exclusive")
                .hasMessageContaining("oracle-exclusive")
                .hasMessageContaining("overlap");
    }

    @Test
    void exclusivesOfTheSameProviderMayOverlap() {
        Exclusive all = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", "2025-01-21");
        Exclusive api = exclusive("azure-api", "azure", API, "2019-07-22", null);

        assertThat(new AgreementBook(List.of(all, api)).all()).containsExactly(all, api);
    }

    @Test
    void exclusivesInDisjointPeriodsAreFine() {
        // until is exclusive: the second may start the instant the first ends.
        Exclusive before = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", "2025-01-21");
        Exclusive after = exclusive("oracle-exclusive", "oracle", ALL, "2025-01-21", null);

        assertThat(AgreementBook.conflicts(List.of(before, after))).isEmpty();
        assertThat(new AgreementBook(List.of(before, after)).all()).hasSize(2);
    }

    @Test
    void exclusivesOneSecondIntoEachOtherConflict() {
        Exclusive before = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", "2025-01-21T00:00:01Z");
        Exclusive after = exclusive("oracle-exclusive", "oracle", ALL, "2025-01-21", null);

        assertThat(AgreementBook.conflicts(List.of(before, after))).hasSize(1);
    }

    @Test
    void exclusivesWithDisjointScopesAreFine() {
        Exclusive api = exclusive("azure-api", "azure", API, "2019-07-22", null);
        Exclusive training = exclusive("oracle-training", "oracle", TRAINING, "2019-07-22", null);
        Exclusive east = exclusive(
                "cw-east", "coreweave", scope(List.of(), List.of("GB200"), List.of("us-east")), "2019-07-22", null);
        Exclusive west = exclusive(
                "lambda-west", "lambda", scope(List.of(), List.of("GB200"), List.of("us-west")), "2019-07-22", null);

        assertThat(AgreementBook.conflicts(List.of(api, training))).isEmpty();
        assertThat(AgreementBook.conflicts(List.of(east, west))).isEmpty();
    }

    @Test
    void conflictsListsEveryClashingPair() {
        Exclusive azure = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", null);
        Exclusive oracle = exclusive("oracle-training", "oracle", TRAINING, "2025-01-01", null);
        Exclusive coreweave = exclusive("cw-api", "coreweave", API, "2025-01-01", null);
        Exclusive azureToo = exclusive("azure-api", "azure", API, "2019-07-22", null);

        List<AgreementBook.Conflict> conflicts = AgreementBook.conflicts(List.of(azure, oracle, coreweave, azureToo));

        assertThat(conflicts)
                .extracting(c -> c.first().id().value(), c -> c.second().id().value())
                .containsExactly(
                        tuple("azure-exclusive", "oracle-training"),
                        tuple("azure-exclusive", "cw-api"),
                        tuple("cw-api", "azure-api"));
        assertThat(conflicts.get(0).problem())
                .isEqualTo(
                        "exclusives azure-exclusive (azure) and oracle-training (oracle) overlap in scope and period");
    }

    @Test
    void rightsOfDifferentHoldersConflictButCommitmentsDoNot() {
        RightOfFirstRefusal azure = firstLook("azure-rofr", "azure", Duration.ofDays(5), true, ALL, "2025-01-21", null);
        RightOfFirstRefusal oracle = match("oracle-rofr", "oracle", Duration.ofDays(1), API, "2025-01-01", null);
        Commitment toAzure = commitment("c-azure", "azure", "1000", 0.1, ALL, "2025-01-01", null);
        Commitment toOracle = commitment("c-oracle", "oracle", "1000", 0.1, ALL, "2025-01-01", null);
        Exclusive exclusive = exclusive("cw-exclusive", "coreweave", ALL, "2025-01-01", null);

        assertThat(AgreementBook.conflicts(List.of(azure, oracle, toAzure, toOracle, exclusive)))
                .singleElement()
                .satisfies(c -> assertThat(c.problem())
                        .startsWith("rights of first refusal azure-rofr (azure) and oracle-rofr (oracle)"));
    }

    @Test
    void idsAreUnique() {
        Exclusive one = exclusive("same", "azure", API, "2019-07-22", null);
        Exclusive two = exclusive("same", "azure", TRAINING, "2019-07-22", null);

        assertThatThrownBy(() -> new AgreementBook(List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same");
    }

    @Test
    void answersWhichClausesCoverARequestAtAnInstant() {
        Exclusive api = exclusive("azure-api", "azure", API, "2019-07-22", null);
        Exclusive all = exclusive("azure-exclusive", "azure", ALL, "2019-07-22", "2025-01-21");
        RightOfFirstRefusal rofr = firstLook("azure-rofr", "azure", Duration.ofDays(5), true, ALL, "2025-01-21", null);
        Commitment commitment = commitment("azure-commitment", "azure", "1000", 0.1, TRAINING, "2025-01-21", null);
        AgreementBook book = new AgreementBook(List.of(api, all, rofr, commitment));
        Request apiRequest = Requests.request("r1").workload("api").build();
        Request training = Requests.request("r2").workload("training").build();
        ProviderId azure = new ProviderId("azure");

        assertThat(book.exclusivesCovering(apiRequest, at("2025-01-20"))).containsExactly(api, all);
        assertThat(book.exclusivesCovering(apiRequest, at("2025-01-21"))).containsExactly(api);
        assertThat(book.exclusivesCovering(training, at("2025-01-21"))).isEmpty();
        assertThat(book.rightCovering(training, at("2025-01-20T23:59:59Z"))).isEmpty();
        assertThat(book.rightCovering(training, at("2025-01-21"))).contains(rofr);
        assertThat(book.rightOf(azure, training, at("2025-06-01"))).contains(rofr);
        assertThat(book.rightOf(new ProviderId("oracle"), training, at("2025-06-01")))
                .isEmpty();
        assertThat(book.commitments()).containsExactly(commitment);
    }

    @Test
    void aClauseIsInForceFromItsFromToJustBeforeItsUntil() {
        Exclusive clause = exclusive("x", "azure", ALL, "2019-07-22", "2025-01-21");

        assertThat(clause.inForceAt(at("2019-07-21T23:59:59Z"))).isFalse();
        assertThat(clause.inForceAt(at("2019-07-22"))).isTrue();
        assertThat(clause.inForceAt(at("2025-01-20T23:59:59Z"))).isTrue();
        assertThat(clause.inForceAt(at("2025-01-21"))).isFalse();
        assertThat(exclusive("y", "azure", ALL, "2019-07-22", null).inForceAt(at("2099-01-01")))
                .isTrue();
    }

    @Test
    void periodsMustRunForwards() {
        assertThatThrownBy(() -> exclusive("x", "azure", ALL, "2025-01-21", "2025-01-21"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x");
        assertThatThrownBy(() -> firstLook("r", "azure", Duration.ZERO, true, ALL, "2025-01-21", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
        assertThatThrownBy(() -> commitment("c", "azure", "1000", 1.0, ALL, "2025-01-21", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preference");
    }
}
