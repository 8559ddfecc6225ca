package dev.tender.agreement;

import static dev.tender.fixtures.TestWorld.at;
import static dev.tender.fixtures.TestWorld.exclusive;
import static dev.tender.fixtures.TestWorld.firstLook;
import static dev.tender.fixtures.TestWorld.match;
import static dev.tender.fixtures.TestWorld.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.demand.Request;
import dev.tender.fixtures.Requests;
import dev.tender.fixtures.TestWorld;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final ProviderId AZURE = new ProviderId("azure");
    private static final ProviderId COREWEAVE = new ProviderId("coreweave");
    private static final ProviderId ORACLE = new ProviderId("oracle");
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(36);
    private static final Instant NOW = at("2025-06-01");

    /** azure in us-east (H100, GB200), coreweave in us-east (H100), oracle in us-west (H100). */
    private static TestWorld world(Agreement... agreements) {
        TestWorld world = new TestWorld()
                .provider("azure", "H100", "6.00", "GB200", "11.00")
                .provider("coreweave", "H100", "5.50")
                .provider("oracle", "H100", "5.00")
                .pool("azure", "azure-east", "us-east", "H100", 1000)
                .pool("azure", "azure-east", "us-east", "GB200", 1000)
                .pool("coreweave", "cw-east", "us-east", "H100", 1000)
                .pool("oracle", "oracle-west", "us-west", "H100", 1000)
                .windows(DEFAULT_WINDOW, Duration.ofDays(1));
        for (Agreement agreement : agreements) {
            world.agreement(agreement);
        }
        return world;
    }

    private static Route route(Request request, Instant at, Agreement... agreements) {
        World world = world(agreements).build();
        return new Routing(
                        world.agreements(), world.footprint(), world.defaults().offerWindow())
                .route(request, at);
    }

    private static Requests request() {
        return Requests.request("r1");
    }

    @Nested
    class Exclusivity {

        @Test
        void onlyTheExclusiveProviderWithTheDefaultWindow() {
            Route route = route(
                    request().build(),
                    NOW,
                    exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null));

            assertThat(route).isInstanceOfSatisfying(Route.ToExclusive.class, exclusive -> {
                assertThat(exclusive.provider()).isEqualTo(AZURE);
                assertThat(exclusive.window()).isEqualTo(DEFAULT_WINDOW);
            });
            assertThat(route.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(route.eligible()).containsExactly(AZURE);
            assertThat(route.agreements()).extracting(AgreementId::value).containsExactly("azure-exclusive");
            assertThat(route.reason())
                    .isEqualTo("azure-exclusive makes azure the only provider for all requests; no one else is asked");
        }

        @Test
        void theReasonNamesTheScopeTheClauseWasSignedFor() {
            Route route = route(
                    request().regions("eu").build(),
                    NOW,
                    exclusive(
                            "oracle-eu",
                            "oracle",
                            scope(List.of("training"), List.of("H100"), List.of("eu")),
                            "2019-07-22",
                            null));

            assertThat(route.reason())
                    .startsWith("oracle-eu makes oracle the only provider for training H100 requests in eu");
        }

        @Test
        void windowFromTheProvidersOwnRightOfFirstRefusal() {
            Route route = route(
                    request().build(),
                    NOW,
                    exclusive("azure-api", "azure", Scope.EVERYTHING, "2019-07-22", null),
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(((Route.ToExclusive) route).window()).isEqualTo(Duration.ofDays(5));
            assertThat(route.agreements()).extracting(AgreementId::value).containsExactly("azure-api");
        }

        @Test
        void anotherHoldersRightDoesNotLendItsWindow() {
            Route route = route(
                    request().build(),
                    NOW,
                    exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null),
                    firstLook("oracle-rofr", "oracle", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(((Route.ToExclusive) route).window()).isEqualTo(DEFAULT_WINDOW);
        }

        @Test
        void aRightThatDoesNotCoverTheRequestDoesNotLendItsWindowEither() {
            Route route = route(
                    request().build(),
                    NOW,
                    exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null),
                    firstLook(
                            "azure-rofr",
                            "azure",
                            Duration.ofDays(5),
                            true,
                            scope(List.of("api"), List.of(), List.of()),
                            "2025-01-21",
                            null));

            assertThat(((Route.ToExclusive) route).window()).isEqualTo(DEFAULT_WINDOW);
        }

        @Test
        void exclusiveProviderWithoutAPoolInAnAllowedRegionLeavesNoOneEligible() {
            Route route = route(
                    request().regions("us-west").build(),
                    NOW,
                    exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null));

            assertThat(route).isInstanceOf(Route.ToExclusive.class);
            assertThat(route.eligible()).isEmpty();
            assertThat(route.agreements()).extracting(AgreementId::value).containsExactly("azure-exclusive");
            assertThat(route.reason())
                    .isEqualTo("azure-exclusive makes azure the only provider for all requests, and azure has no H100"
                            + " pool in an allowed region");
        }

        @Test
        void exclusiveProviderWithoutThatAccelerator() {
            Route route = route(
                    request().accelerator("GB200").build(),
                    NOW,
                    exclusive("oracle-exclusive", "oracle", Scope.EVERYTHING, "2019-07-22", null));

            assertThat(route.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(route.eligible()).isEmpty();
            assertThat(route.reason()).contains("oracle-exclusive").contains("no GB200 pool");
        }

        @Test
        void exclusivityOutranksARightOfFirstRefusal() {
            Route route = route(
                    request().build(),
                    NOW,
                    firstLook("oracle-rofr", "oracle", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null),
                    exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null));

            assertThat(route.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(route.eligible()).containsExactly(AZURE);
        }
    }

    @Nested
    class FirstRefusal {

        @Test
        void firstLookPutsTheHolderFirstAndTheOthersAfter() {
            Route route = route(
                    request().build(),
                    NOW,
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route).isInstanceOfSatisfying(Route.FirstLook.class, look -> {
                assertThat(look.right().id().value()).isEqualTo("azure-rofr");
                assertThat(look.market()).containsExactly(COREWEAVE, ORACLE);
            });
            assertThat(route.kind().name()).isEqualTo("ROFR_FIRST_LOOK");
            assertThat(route.eligible()).containsExactly(AZURE, COREWEAVE, ORACLE);
            assertThat(route.agreements()).extracting(AgreementId::value).containsExactly("azure-rofr");
            assertThat(route.reason())
                    .isEqualTo("azure-rofr gives azure the first look at all requests for P5D, and it may take part;"
                            + " the market is asked only after it answers");
        }

        @Test
        void allOrNothingFirstLookSaysSo() {
            Route route = route(
                    request().build(),
                    NOW,
                    firstLook(
                            "azure-rofr", "azure", Duration.ofHours(12), false, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route.reason()).contains("azure-rofr").contains("PT12H").contains("all or nothing");
        }

        @Test
        void matchAsksTheMarketFirstWithoutTheHolder() {
            Route route = route(
                    request().build(),
                    NOW,
                    match("oracle-rofr", "oracle", Duration.ofDays(1), Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route).isInstanceOfSatisfying(Route.Match.class, match -> {
                assertThat(match.right().holder()).isEqualTo(ORACLE);
                assertThat(match.market()).containsExactly(AZURE, COREWEAVE);
            });
            assertThat(route.kind().name()).isEqualTo("ROFR_MATCH");
            assertThat(route.eligible()).containsExactly(AZURE, COREWEAVE, ORACLE);
            assertThat(route.agreements()).extracting(AgreementId::value).containsExactly("oracle-rofr");
            assertThat(route.reason())
                    .contains("oracle-rofr lets oracle match the best market quote for all requests within P1D");
        }

        @Test
        void holderThatCannotServeSendsTheRequestToTheMarketAndTheReasonSaysWhy() {
            Route route = route(
                    request().regions("us-west").build(),
                    NOW,
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route).isInstanceOf(Route.ToMarket.class);
            assertThat(route.kind().name()).isEqualTo("MARKET");
            assertThat(route.eligible()).containsExactly(ORACLE);
            assertThat(route.agreements()).isEmpty();
            assertThat(route.reason())
                    .isEqualTo(
                            "azure-rofr would give azure the first refusal of all requests, but azure has no H100 pool in an"
                                    + " allowed region; the market (oracle) is asked");
        }

        @Test
        void holderWithoutTheAcceleratorLikewise() {
            Route route = route(
                    request().build(),
                    NOW,
                    match("oracle-rofr", "oracle", Duration.ofDays(1), Scope.EVERYTHING, "2025-01-21", null));
            Route gb200 = route(
                    request().accelerator("GB200").build(),
                    NOW,
                    match("oracle-rofr", "oracle", Duration.ofDays(1), Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route.kind().name()).isEqualTo("ROFR_MATCH");
            assertThat(gb200.kind().name()).isEqualTo("MARKET");
            assertThat(gb200.eligible()).containsExactly(AZURE);
            assertThat(gb200.reason()).contains("oracle-rofr").contains("oracle has no GB200 pool");
        }

        @Test
        void holderAloneLeavesAnEmptyMarket() {
            Route route = route(
                    request().accelerator("GB200").build(),
                    NOW,
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(((Route.FirstLook) route).market()).isEmpty();
            assertThat(route.eligible()).containsExactly(AZURE);
        }
    }

    @Nested
    class Market {

        @Test
        void everyProviderThatCanServeIsAsked() {
            Route route = route(request().build(), NOW);

            assertThat(route).isInstanceOf(Route.ToMarket.class);
            assertThat(route.eligible()).containsExactly(AZURE, COREWEAVE, ORACLE);
            assertThat(route.agreements()).isEmpty();
            assertThat(route.reason())
                    .isEqualTo("no clause covers this request; the market (azure, coreweave, oracle) is asked");
        }

        @Test
        void onlyProvidersWithAPoolInAnAllowedRegion() {
            assertThat(route(request().regions("us-east").build(), NOW).eligible())
                    .containsExactly(AZURE, COREWEAVE);
            assertThat(route(request().regions("us-west", "us-east").build(), NOW)
                            .eligible())
                    .containsExactly(AZURE, COREWEAVE, ORACLE);
            assertThat(route(request().accelerator("GB200").build(), NOW).eligible())
                    .containsExactly(AZURE);
        }

        @Test
        void noProviderEligibleNamesTheAccelerator() {
            Route route = route(request().accelerator("B200").build(), NOW);

            assertThat(route.kind().name()).isEqualTo("MARKET");
            assertThat(route.eligible()).isEmpty();
            assertThat(route.reason()).isEqualTo("no provider has a B200 pool in any region");
        }

        @Test
        void noProviderEligibleInTheAllowedRegions() {
            Route route = route(request().regions("eu-west").build(), NOW);

            assertThat(route.eligible()).isEmpty();
            assertThat(route.reason()).isEqualTo("no provider has a H100 pool in regions [eu-west]");
        }

        @Test
        void aRightWhoseHolderCannotServeAndNoOneElseEither() {
            Route route = route(
                    request().regions("eu-west").build(),
                    NOW,
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));

            assertThat(route.kind().name()).isEqualTo("MARKET");
            assertThat(route.eligible()).isEmpty();
            assertThat(route.reason()).contains("azure-rofr").endsWith("no one else can serve it");
        }
    }

    /** The seed story: Azure exclusive until 2025-01-21, a first-look right from then, and the API for good. */
    @Nested
    class DatedClauses {

        private final Agreement[] story = {
            exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", "2025-01-21"),
            firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", "2027-01-01"),
            exclusive("azure-api", "azure", scope(List.of("api"), List.of(), List.of()), "2019-07-22", null)
        };

        @Test
        void theSameRequestTakesDifferentRoutesEitherSideOfTheDate() {
            Request training = request().build();

            Route before = route(training, at("2025-01-20T23:59:59Z"), story);
            Route after = route(training, at("2025-01-21T00:00:00Z"), story);

            assertThat(before.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(before.agreements()).extracting(AgreementId::value).containsExactly("azure-exclusive");
            assertThat(((Route.ToExclusive) before).window())
                    .as("no right is in force yet to lend its window")
                    .isEqualTo(DEFAULT_WINDOW);
            assertThat(after.kind().name()).isEqualTo("ROFR_FIRST_LOOK");
            assertThat(after.agreements()).extracting(AgreementId::value).containsExactly("azure-rofr");
        }

        @Test
        void untilIsExclusive() {
            Request training = request().build();

            assertThat(route(training, at("2026-12-31T23:59:59Z"), story).kind().name())
                    .isEqualTo("ROFR_FIRST_LOOK");
            assertThat(route(training, at("2027-01-01T00:00:00Z"), story).kind().name())
                    .isEqualTo("MARKET");
        }

        @Test
        void fromIsInclusive() {
            Request training = request().build();

            assertThat(route(training, at("2019-07-21T23:59:59Z"), story).kind().name())
                    .isEqualTo("MARKET");
            assertThat(route(training, at("2019-07-22T00:00:00Z"), story).kind().name())
                    .isEqualTo("EXCLUSIVE");
        }

        @Test
        void apiStaysExclusiveAfterTheDate() {
            Request api = request().workload("api").build();

            Route before = route(api, at("2025-01-20T23:59:59Z"), story);
            Route after = route(api, at("2025-01-21T00:00:00Z"), story);

            assertThat(before.agreements())
                    .extracting(AgreementId::value)
                    .containsExactly("azure-exclusive", "azure-api");
            assertThat(before.reason()).startsWith("azure-exclusive and azure-api make azure the only provider");
            assertThat(after.kind().name()).isEqualTo("EXCLUSIVE");
            assertThat(after.agreements()).extracting(AgreementId::value).containsExactly("azure-api");
            assertThat(((Route.ToExclusive) after).window())
                    .as("azure's right covers the request too, so its window applies")
                    .isEqualTo(Duration.ofDays(5));
        }
    }

    @Nested
    class Scopes {

        private final Agreement apiOnly = exclusive(
                "azure-api", "azure", scope(List.of("api", "product"), List.of(), List.of()), "2019-07-22", null);
        private final Agreement gb200Only =
                exclusive("azure-gb200", "azure", scope(List.of(), List.of("GB200"), List.of()), "2019-07-22", null);
        private final Agreement eastOnly =
                exclusive("azure-east", "azure", scope(List.of(), List.of(), List.of("us-east")), "2019-07-22", null);

        @Test
        void workloadList() {
            assertThat(route(request().workload("api").build(), NOW, apiOnly)
                            .kind()
                            .name())
                    .isEqualTo("EXCLUSIVE");
            assertThat(route(request().workload("product").build(), NOW, apiOnly)
                            .kind()
                            .name())
                    .isEqualTo("EXCLUSIVE");
            assertThat(route(request().workload("training").build(), NOW, apiOnly)
                            .kind()
                            .name())
                    .isEqualTo("MARKET");
        }

        @Test
        void acceleratorList() {
            assertThat(route(request().accelerator("GB200").build(), NOW, gb200Only)
                            .kind()
                            .name())
                    .isEqualTo("EXCLUSIVE");
            assertThat(route(request().accelerator("H100").build(), NOW, gb200Only)
                            .kind()
                            .name())
                    .isEqualTo("MARKET");
        }

        @Test
        void regionsAreStrict() {
            assertThat(route(request().regions("us-east").build(), NOW, eastOnly)
                            .kind()
                            .name())
                    .isEqualTo("EXCLUSIVE");
            assertThat(route(request().regions("us-east", "us-west").build(), NOW, eastOnly)
                            .kind()
                            .name())
                    .isEqualTo("MARKET");
            assertThat(route(request().build(), NOW, eastOnly).kind().name())
                    .as("a request allowing any region is covered only by a clause without regions")
                    .isEqualTo("MARKET");
            Agreement everywhere = exclusive("azure-all", "azure", Scope.EVERYTHING, "2019-07-22", null);
            assertThat(route(request().regions("us-west").build(), NOW, everywhere)
                            .kind()
                            .name())
                    .isEqualTo("EXCLUSIVE");
        }

        @Test
        void rightsFollowTheSameScopeRules() {
            Agreement eastRight = firstLook(
                    "azure-rofr",
                    "azure",
                    Duration.ofDays(5),
                    true,
                    scope(List.of(), List.of(), List.of("us-east")),
                    "2025-01-21",
                    null);

            assertThat(route(request().regions("us-east").build(), NOW, eastRight)
                            .kind()
                            .name())
                    .isEqualTo("ROFR_FIRST_LOOK");
            assertThat(route(request().build(), NOW, eastRight).kind().name()).isEqualTo("MARKET");
        }
    }
}
