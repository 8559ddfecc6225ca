package dev.tender.summary;

import java.util.List;
import java.util.Map;

/**
 * The report's colours: the Okabe-Ito set, told apart by readers with the common forms of colour
 * blindness and still apart when printed. A provider keeps its colour on every chart; routes,
 * answers, causes and kinds of clause have colours that say something (exclusive in red, accepted
 * in green, lapsed in grey).
 */
final class Palette {

    private static final String BLUE = "#0072B2";
    private static final String ORANGE = "#E69F00";
    private static final String GREEN = "#009E73";
    private static final String PURPLE = "#CC79A7";
    private static final String SKY = "#56B4E9";
    private static final String RED = "#D55E00";
    private static final String GREY = "#999999";

    /** Beyond the first seven, providers share a colour with one seven places earlier. */
    private static final List<String> SERIES = List.of(BLUE, ORANGE, GREEN, PURPLE, SKY, RED, "#8C6D31");

    static final String INK = "#222222";

    private static final Map<String, String> ROUTES =
            Map.of("EXCLUSIVE", RED, "ROFR_FIRST_LOOK", BLUE, "ROFR_MATCH", PURPLE, "MARKET", GREEN);
    private static final Map<String, String> OUTCOMES =
            Map.of("ACCEPTED", GREEN, "PARTIAL", SKY, "DECLINED", RED, "LAPSED", GREY);
    private static final Map<String, String> CAUSES = Map.of(
            "withdrawn",
            GREY,
            "exclusive",
            RED,
            "no-provider",
            PURPLE,
            "no-answer",
            ORANGE,
            "over-max-price",
            SKY,
            "no-capacity",
            BLUE);
    private static final Map<String, String> KINDS = Map.of("exclusive", RED, "rofr", BLUE, "commitment", GREEN);

    private Palette() {}

    /** The colour of the {@code index}th provider in the summary's order. */
    static String series(int index) {
        return SERIES.get(index % SERIES.size());
    }

    static String route(String route) {
        return ROUTES.getOrDefault(route, GREY);
    }

    static String outcome(String outcome) {
        return OUTCOMES.getOrDefault(outcome, GREY);
    }

    static String cause(String cause) {
        return CAUSES.getOrDefault(cause, GREY);
    }

    static String kind(String kind) {
        return KINDS.getOrDefault(kind, GREY);
    }

    static String spend() {
        return BLUE;
    }

    static String amount() {
        return RED;
    }
}
