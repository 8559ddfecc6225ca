package dev.tender.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.demand.Request;
import dev.tender.event.TenderEvent;
import dev.tender.money.Money;
import dev.tender.server.node.RequestBook.OfferOnRequest;
import dev.tender.server.node.RequestBook.OfferView;
import dev.tender.server.node.RequestBook.RequestView;
import dev.tender.time.Durations;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The API's JSON for requests and offers: who sees what is decided here, by the method a role gets. */
final class Views {

    static final ObjectMapper JSON = new ObjectMapper();

    private Views() {}

    /** A request as its tenant (and the operator) see it: everything, providers and prices included. */
    static ObjectNode request(RequestView view) {
        ObjectNode node = JSON.createObjectNode();
        Request request = view.request();
        node.put("id", request.id().value());
        node.put("tenant", request.tenant().value());
        node.put("state", view.state());
        TenderEvent.Routed routed = view.routed();
        node.put("route", routed == null ? null : routed.route().name());
        ArrayNode agreements = node.putArray("agreements");
        if (routed != null) {
            routed.agreements().forEach(id -> agreements.add(id.value()));
        }
        node.put("routeReason", routed == null ? null : routed.reason());
        node.put("submitted", instant(view.submitted().at()));
        node.set("demand", demand(request, true));
        ArrayNode offers = node.putArray("offers");
        view.offers().forEach(offer -> offers.add(offer(offer)));
        ArrayNode awards = node.putArray("awards");
        view.awards().forEach(award -> awards.add(award(award)));
        ObjectNode totals = node.putObject("totals");
        totals.put("units", request.units());
        totals.put("unitsAwarded", view.unitsAwarded());
        totals.put("cost", dollars(view.cost()));
        TenderEvent.Closed closed = view.closed();
        node.put("reason", closed == null ? null : closed.reason());
        node.put("closed", closed == null ? null : instant(closed.at()));
        return node;
    }

    private static ObjectNode demand(Request request, boolean withMaxPrice) {
        ObjectNode node = JSON.createObjectNode();
        node.put("workload", request.workload().value());
        node.put("accelerator", request.accelerator().value());
        node.put("units", request.units());
        node.put("start", instant(request.start()));
        node.put("hours", request.hours());
        node.put("flex", Durations.iso(request.flex()));
        ArrayNode regions = node.putArray("regions");
        request.regions().forEach(region -> regions.add(region.value()));
        if (withMaxPrice) {
            node.put("maxPrice", dollars(request.maxPrice()));
        }
        return node;
    }

    private static ObjectNode offer(OfferView offer) {
        ObjectNode node = offerTerms(offer);
        node.put("provider", offer.provider().value());
        TenderEvent.Responded response = offer.response();
        node.put("unitsQuoted", response == null ? 0 : response.units());
        node.put("unitPrice", response == null ? null : dollars(response.unitPrice()));
        node.put(
                "site",
                response == null || response.site() == null
                        ? null
                        : response.site().value());
        node.put("start", response == null ? null : instant(response.start()));
        node.put("reason", response == null ? null : response.reason());
        return node;
    }

    private static ObjectNode offerTerms(OfferView offer) {
        TenderEvent.Offered offered = offer.offered();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", offered.offer().value());
        node.put("kind", offered.kind().name());
        node.put("state", offer.state());
        node.put("units", offered.units());
        node.put("offered", instant(offered.at()));
        node.put("deadline", instant(offered.deadline()));
        node.put(
                "agreement",
                offered.agreement() == null ? null : offered.agreement().value());
        node.put("matchPrice", dollars(offered.matchPrice()));
        return node;
    }

    /**
     * An offer as its provider sees it: the terms and the demand, never the buyer's price ceiling,
     * nor who else was asked or what they quoted (sealed bids); a {@code MATCH} carries the price to
     * meet, as rule 3 says it must.
     */
    static ObjectNode offerToProvider(OfferOnRequest open) {
        ObjectNode node = offerTerms(open.offer());
        node.put("request", open.request().id().value());
        node.set("demand", demand(open.request(), false));
        TenderEvent.Responded response = open.offer().response();
        node.set("answer", response == null ? null : answer(response));
        return node;
    }

    /** The provider's own answer, as it gave it (or {@code LAPSED}, when it gave none in time). */
    private static ObjectNode answer(TenderEvent.Responded response) {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", response.outcome().name());
        node.put("at", instant(response.at()));
        node.put("units", response.units());
        node.put("unitPrice", dollars(response.unitPrice()));
        node.put("site", response.site() == null ? null : response.site().value());
        node.put("start", instant(response.start()));
        node.put("reason", response.reason());
        return node;
    }

    private static ObjectNode award(TenderEvent.Awarded award) {
        ObjectNode node = JSON.createObjectNode();
        node.put("provider", award.provider().value());
        node.put("site", award.site().value());
        node.put("units", award.units());
        node.put("unitPrice", dollars(award.unitPrice()));
        node.put("start", instant(award.start()));
        node.put("end", instant(award.end()));
        node.put("cost", dollars(award.cost()));
        node.put("offer", award.offer().value());
        return node;
    }

    /** Dollars as Tender writes them in its log: at least two decimals, no trailing zeros beyond. */
    static @Nullable BigDecimal dollars(@Nullable Money money) {
        return money == null ? null : new BigDecimal(money.toString());
    }

    static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
