package dev.tender.scenario;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Route;
import dev.tender.agreement.Routing;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.OfferKind;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The windows in which each provider may have to answer while a scenario runs, and the clauses
 * that set them (DESIGN.md section 2): {@code defaults.rfqWindow} for market RFQs; a right's
 * {@code window} for the first-look and match offers it gives its holder, and for exclusive offers
 * to a holder the right also covers; {@code defaults.offerWindow} for exclusive offers to a
 * provider that holds no right covering the request.
 *
 * <p>Found by routing, with the engine's own {@link Routing}, one request for each way a request
 * could be routed: of every workload and accelerator, allowing any region or exactly the regions of
 * an exclusive, of a right, or of both, submitted at each instant that stands for a stretch of time
 * in which the clauses in force stay the same. Such a request is covered by the fewest clauses and
 * may be served by the most providers among the requests it stands for, and the reader refuses
 * clauses that would give one request to two providers first; so a provider that none of these
 * requests reaches under a window is reached under it by no request at all. Cost: one route for
 * each workload, accelerator, set of regions and instant.
 */
final class AnswerWindows {

    private static final RequestId PROBE = new RequestId("probe");
    private static final TenantId NOBODY = new TenantId("probe");

    private final AgreementBook book;
    private final Set<ProviderId> quoting = new HashSet<>();
    private final Map<AgreementId, Set<OfferKind>> underRight = new HashMap<>();
    private final Map<AgreementId, Set<AgreementId>> exclusivesUnderRight = new HashMap<>();
    private final Map<ProviderId, Set<AgreementId>> exclusivesUnderDefault = new HashMap<>();

    /** {@code submitting}: one instant for each stretch of time in which requests are submitted. */
    AnswerWindows(World world, Collection<Instant> submitting) {
        this.book = world.agreements();
        Routing routing = new Routing(book, world.footprint(), world.defaults().offerWindow());
        List<List<Region>> regionSets = regionSets(book);
        for (Instant at : submitting) {
            for (List<Region> regions : regionSets) {
                for (WorkloadClass workload : new TreeSet<>(world.workloads())) {
                    for (AcceleratorId accelerator :
                            new TreeSet<>(world.accelerators().keySet())) {
                        Request probe = probe(workload, accelerator, regions, at);
                        note(probe, at, routing.route(probe, at));
                    }
                }
            }
        }
    }

    /** A request that only its workload, accelerator and regions tell apart; routing looks at no more. */
    static Request probe(WorkloadClass workload, AcceleratorId accelerator, List<Region> regions, Instant at) {
        return new Request(PROBE, NOBODY, workload, accelerator, 1, at, 1, Duration.ZERO, regions, null);
    }

    /** True when some request sends the provider a market RFQ. */
    boolean quotes(ProviderId provider) {
        return quoting.contains(provider);
    }

    /** The kinds of offer ({@code ROFR}, {@code MATCH}, {@code EXCLUSIVE}) that take the right's window. */
    Set<OfferKind> offersUnder(RightOfFirstRefusal right) {
        Set<OfferKind> kinds = underRight.get(right.id());
        return kinds == null ? Set.of() : EnumSet.copyOf(kinds);
    }

    /** The exclusives whose offers to the right's holder take the right's window, in file order. */
    List<AgreementId> exclusivesTakingTheWindowOf(RightOfFirstRefusal right) {
        return inFileOrder(exclusivesUnderRight.getOrDefault(right.id(), Set.of()));
    }

    /** The exclusives whose offers to the provider take {@code defaults.offerWindow}, in file order. */
    List<AgreementId> exclusivesTakingTheOfferWindow(ProviderId provider) {
        return inFileOrder(exclusivesUnderDefault.getOrDefault(provider, Set.of()));
    }

    private void note(Request probe, Instant at, Route route) {
        if (route instanceof Route.ToExclusive exclusive) {
            if (exclusive.eligible().isEmpty()) {
                return; // closes at once: nobody is asked
            }
            Optional<RightOfFirstRefusal> right = book.rightOf(exclusive.provider(), probe, at);
            if (right.isPresent()) {
                kindsUnder(right.get()).add(OfferKind.EXCLUSIVE);
                exclusivesUnderRight
                        .computeIfAbsent(right.get().id(), id -> new HashSet<>())
                        .addAll(exclusive.agreements());
            } else {
                exclusivesUnderDefault
                        .computeIfAbsent(exclusive.provider(), id -> new HashSet<>())
                        .addAll(exclusive.agreements());
            }
        } else if (route instanceof Route.FirstLook firstLook) {
            kindsUnder(firstLook.right()).add(OfferKind.ROFR);
            quoting.addAll(firstLook.market()); // when the holder leaves units over
        } else if (route instanceof Route.Match match) {
            kindsUnder(match.right()).add(OfferKind.MATCH);
            quoting.addAll(match.market());
        } else {
            quoting.addAll(route.eligible());
        }
    }

    private Set<OfferKind> kindsUnder(RightOfFirstRefusal right) {
        return underRight.computeIfAbsent(right.id(), id -> EnumSet.noneOf(OfferKind.class));
    }

    private List<AgreementId> inFileOrder(Set<AgreementId> ids) {
        List<AgreementId> ordered = new ArrayList<>();
        for (Agreement agreement : book.all()) {
            if (ids.contains(agreement.id())) {
                ordered.add(agreement.id());
            }
        }
        return ordered;
    }

    /**
     * Any region, the regions of each exclusive and each right, and those that an exclusive and a
     * right have in common: the most regions a request may allow and still be covered by them.
     */
    private static List<List<Region>> regionSets(AgreementBook book) {
        List<Set<Region>> exclusives = new ArrayList<>();
        List<Set<Region>> rights = new ArrayList<>();
        for (Agreement agreement : book.all()) {
            if (agreement instanceof Exclusive) {
                exclusives.add(agreement.scope().regions());
            } else if (agreement instanceof RightOfFirstRefusal) {
                rights.add(agreement.scope().regions());
            }
        }
        Set<Set<Region>> sets = new LinkedHashSet<>();
        sets.add(Set.of());
        sets.addAll(exclusives);
        sets.addAll(rights);
        for (Set<Region> exclusive : exclusives) {
            for (Set<Region> right : rights) {
                if (!exclusive.isEmpty() && !right.isEmpty()) {
                    Set<Region> common = new HashSet<>(exclusive);
                    common.retainAll(right);
                    if (!common.isEmpty()) {
                        sets.add(Set.copyOf(common));
                    }
                }
            }
        }
        return sets.stream().map(set -> List.copyOf(new TreeSet<>(set))).toList();
    }
}
