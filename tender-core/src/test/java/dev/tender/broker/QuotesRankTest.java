package dev.tender.broker;

import static dev.tender.fixtures.TestWorld.commitment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.Burndown;
import dev.tender.agreement.Scope;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.demand.Request;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.fixtures.Requests;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.Site;
import dev.tender.provider.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rule 4's order, against a stable sort of the awardable quotes by (effective price, start,
 * provider), where p1 holds a commitment in force that makes it rank as if cheaper.
 */
class QuotesRankTest {

    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    static final Request REQUEST =
            Requests.request("r1").units(100).start(START).hours(24).build();

    record Shape(int dollars, int startHour, int provider, boolean awardable) {}

    @Property(tries = 500)
    void ranksByPriceThenStartThenProviderKeepingArrivalOrderForTies(
            @ForAll("rounds") List<Shape> shapes, @ForAll("preferences") double preference) {
        Burndown burndown = new Burndown(List.of(
                commitment("p1-commitment", "p1", "1000000", preference, Scope.EVERYTHING, "2025-01-01", null)));
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            quotes.add(quote(shapes.get(i), i + 1));
        }
        List<Quote> expected =
                new ArrayList<>(quotes.stream().filter(Quote::awardable).toList());
        expected.sort(Comparator.comparingLong((Quote q) -> effectiveMicros(q, preference))
                .thenComparing(Quote::start)
                .thenComparing(q -> q.offer().provider()));

        List<Quote> ranked = Quotes.inRankOrder(quotes, burndown, REQUEST, START).stream()
                .map(Quotes.Ranked::quote)
                .toList();

        // Identity, not equality: two quotes of the same shape must keep their arrival order.
        assertThat(ranked).usingElementComparator((a, b) -> a == b ? 0 : 1).isEqualTo(expected);
    }

    /** p1 ranks as if its price were lower by the preference; no one else holds a commitment. */
    private static long effectiveMicros(Quote quote, double preference) {
        boolean committed = quote.offer().provider().value().equals("p1");
        return Math.round(quote.unitPrice().micros() * (committed ? 1 - preference : 1));
    }

    @Provide
    Arbitrary<Double> preferences() {
        // 0.2 makes p1's 5 tie with another's 4 and its 6 rank below a 5.
        return Arbitraries.of(0.0, 0.1, 0.2, 0.25);
    }

    @Provide
    Arbitrary<List<Shape>> rounds() {
        return Combinators.combine(
                        Arbitraries.integers().between(4, 6),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of(true, true, false))
                .as(Shape::new)
                .list()
                .ofMaxSize(8);
    }

    /** A pool of the provider's own, which the ranking never looks at. */
    private static Pool poolOf(ProviderId provider) {
        Site site = new Site(new SiteId(provider.value() + "-east"), provider, new Region("us-east"));
        return new Pool(0, site, new AcceleratorId("H100"), List.of(new CapacityStep(1000, START, null)));
    }

    private static Quote quote(Shape shape, int number) {
        ProviderId provider = new ProviderId("p" + shape.provider());
        Offer offer = new Offer(
                OfferId.of(REQUEST.id(), number),
                REQUEST,
                provider,
                OfferKind.RFQ,
                REQUEST.units(),
                START,
                START.plus(Duration.ofDays(1)),
                null,
                null,
                null,
                true);
        Instant start = START.plus(Duration.ofHours(shape.startHour()));
        return new Quote(
                offer,
                poolOf(provider),
                10,
                Money.ofDollars(String.valueOf(shape.dollars())),
                start,
                start.plus(REQUEST.length()),
                shape.awardable());
    }
}
