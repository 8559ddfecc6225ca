package dev.tender.report;

import static dev.tender.fixtures.TestWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RouteKind;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import dev.tender.fixtures.Requests;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request's story in sentences: figures as the summary writes them, and a match told as a match. */
class ExplanationTest {

    private static final Instant NOW = at("2025-02-01");
    private static final Instant MARCH_1 = at("2025-03-01");
    private static final RequestId R1 = new RequestId("r1");
    private static final ProviderId AZURE = new ProviderId("azure");
    private static final ProviderId ORACLE = new ProviderId("oracle");
    private static final AgreementId RIGHT = new AgreementId("azure-rofr");
    private static final Request REQUEST =
            Requests.request("r1").units(42_767).hours(1_206).start(MARCH_1).build();

    @Test
    void aMatchIsToldAsAMatchWithItsFiguresGroupedByThousands() {
        OfferId rfq = new OfferId(R1, 1);
        OfferId match = new OfferId(R1, 2);
        Money nine = Money.ofDollars("9.00");
        List<String> story = Explanation.of(List.of(
                new TenderEvent.Submitted(1, NOW, REQUEST),
                new TenderEvent.Routed(
                        2, NOW, R1, RouteKind.ROFR_MATCH, List.of(RIGHT), List.of(AZURE, ORACLE), "azure-rofr lets..."),
                new TenderEvent.Offered(3, NOW, R1, rfq, ORACLE, OfferKind.RFQ, 42_767, at("2025-02-02"), null, null),
                new TenderEvent.Responded(
                        4,
                        NOW,
                        R1,
                        rfq,
                        ORACLE,
                        ResponseOutcome.ACCEPTED,
                        42_767,
                        nine,
                        site("oracle-west"),
                        MARCH_1,
                        null),
                new TenderEvent.Offered(
                        5, NOW, R1, match, AZURE, OfferKind.MATCH, 42_767, at("2025-02-02"), RIGHT, nine),
                new TenderEvent.Responded(
                        6,
                        NOW,
                        R1,
                        match,
                        AZURE,
                        ResponseOutcome.PARTIAL,
                        2_000,
                        nine,
                        site("azure-east"),
                        MARCH_1,
                        null),
                new TenderEvent.Awarded(
                        7,
                        NOW,
                        R1,
                        AZURE,
                        site("azure-east"),
                        new AcceleratorId("H100"),
                        2_000,
                        nine,
                        MARCH_1,
                        MARCH_1.plusSeconds(1_206 * 3600L),
                        nine.times(2_000).times(1_206),
                        match),
                new TenderEvent.Closed(8, NOW, R1, TerminalState.PARTIAL, 2_000, "match right azure-rofr: ...", null)));

        assertThat(story.get(0))
                .isEqualTo("At 2025-02-01T00:00:00Z openai asked for 42,767 H100 for 1,206h of training, starting"
                        + " 2025-03-01T00:00:00Z, in any region.");
        assertThat(story.get(2))
                .isEqualTo("At 2025-02-01T00:00:00Z oracle was offered 42,767 units (RFQ), to answer by"
                        + " 2025-02-02T00:00:00Z.");
        assertThat(story.get(4))
                .isEqualTo("At 2025-02-01T00:00:00Z azure was offered the chance to match the best market quote, 9.00"
                        + " USD, for up to 42,767 units (MATCH under azure-rofr), to answer by 2025-02-02T00:00:00Z.");
        assertThat(story.get(5))
                .isEqualTo("At 2025-02-01T00:00:00Z azure matched the best market quote, 9.00 USD, for 2,000 of"
                        + " 42,767 units from 2025-03-01T00:00:00Z at azure-east.");
        assertThat(story.get(6))
                .endsWith("9.00 USD per unit-hour, from 2025-03-01T00:00:00Z to"
                        + " 2025-04-20T06:00:00Z: 21,708,000.00 USD.");
        assertThat(story.get(7)).startsWith("Closed PARTIAL at 2025-02-01T00:00:00Z with 2,000 units: ");
        assertThat(story.get(8))
                .isEqualTo("Not awarded: oracle's 42,767 units at 9.00 USD were not needed; quotes ranked before"
                        + " them filled the request first.");
    }

    @Test
    void aMatchBelowTheBestQuoteBeatsIt() {
        OfferId match = new OfferId(R1, 1);
        List<String> story = Explanation.of(List.of(
                new TenderEvent.Offered(
                        1, NOW, R1, match, AZURE, OfferKind.MATCH, 100, at("2025-02-02"), RIGHT, Money.ofDollars(9)),
                new TenderEvent.Responded(
                        2,
                        NOW,
                        R1,
                        match,
                        AZURE,
                        ResponseOutcome.ACCEPTED,
                        100,
                        Money.ofDollars("8.50"),
                        site("azure-east"),
                        MARCH_1,
                        null)));

        assertThat(story.get(1))
                .isEqualTo("At 2025-02-01T00:00:00Z azure beat the best market quote, 9.00 USD, at 8.50 USD: 100 units"
                        + " from 2025-03-01T00:00:00Z at azure-east.");
    }

    private static SiteId site(String id) {
        return new SiteId(id);
    }
}
