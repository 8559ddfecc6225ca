package dev.tender.scenario;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Scope;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.world.Defaults;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code agreements} section: exclusives, rights of first refusal, commitments. */
final class AgreementsMapper {

    private static final List<String> KINDS = List.of("exclusive", "rofr", "commitment");
    private static final List<String> ALL_KEYS = List.of(
            "id",
            "kind",
            "provider",
            "holder",
            "mode",
            "window",
            "partial",
            "amount",
            "preference",
            "scope",
            "from",
            "until");
    private static final Map<String, List<String>> KEYS = Map.of(
            "exclusive", List.of("id", "kind", "provider", "scope", "from", "until"),
            "rofr", List.of("id", "kind", "holder", "mode", "window", "partial", "scope", "from", "until"),
            "commitment", List.of("id", "kind", "provider", "amount", "preference", "scope", "from", "until"));
    private static final List<String> SCOPE_KEYS = List.of("workloads", "accelerators", "regions");
    private static final List<String> MODES = List.of("first-look", "match");

    private final Catalog catalog;
    private final ProvidersMapper.Section providers;
    private final Defaults defaults;
    private final Problems problems;
    private final Claims ids = new Claims("agreement id");

    AgreementsMapper(Catalog catalog, ProvidersMapper.Section providers, Defaults defaults, Problems problems) {
        this.catalog = catalog;
        this.providers = providers;
        this.defaults = defaults;
        this.problems = problems;
    }

    /** The valid agreements; clashing exclusives (or rights) are reported at the later one. */
    List<Agreement> map(Node section) {
        List<Agreement> agreements = new ArrayList<>();
        List<Node> written = new ArrayList<>();
        for (Node node : section.items()) {
            agreement(node).ifPresent(agreement -> {
                agreements.add(agreement);
                written.add(node);
            });
        }
        for (AgreementBook.Conflict conflict : AgreementBook.conflicts(agreements)) {
            written.get(indexOf(agreements, conflict.second())).problem(conflict.problem());
        }
        return agreements;
    }

    private static int indexOf(List<Agreement> agreements, Agreement agreement) {
        for (int i = 0; i < agreements.size(); i++) {
            if (agreements.get(i) == agreement) {
                return i;
            }
        }
        throw new IllegalStateException("conflict names an agreement not in the list: " + agreement.id());
    }

    private Optional<Agreement> agreement(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        int mark = problems.count();
        Node idNode = node.get("id").required();
        Optional<String> id = idNode.id("agreement id").filter(value -> ids.claim(value, node.path(), idNode));
        Optional<String> kind = node.get("kind").required().oneOf(KINDS);
        node.checkKeys(kind.map(KEYS::get).orElse(ALL_KEYS), ALL_KEYS, "kind " + kind.orElse(""));
        Optional<Scope> scope = scope(node.get("scope"));
        Node fromNode = node.get("from").required();
        Optional<Instant> from = fromNode.instant();
        Optional<Instant> until = node.get("until").instantAfter(fromNode, from);
        if (kind.isEmpty()) { // still check the references that are there
            List.of("provider", "holder").stream()
                    .map(node::get)
                    .filter(Node::isPresent)
                    .forEach(this::provider);
            return Optional.empty();
        }
        String which = kind.get();
        Optional<ProviderId> provider = provider(node.get(which.equals("rofr") ? "holder" : "provider"));
        Optional<Agreement> agreement = Optional.empty();
        if (which.equals("exclusive")) {
            if (Values.allPresent(id, provider, scope, from)) {
                agreement = Optional.of(new Exclusive(
                        new AgreementId(id.get()), provider.get(), scope.get(), from.get(), until.orElse(null)));
            }
        } else if (which.equals("rofr")) {
            agreement = right(node, id, provider, scope, from, until);
        } else {
            agreement = commitment(node, id, provider, scope, from, until);
        }
        return problems.count() == mark ? agreement : Optional.empty();
    }

    // The builders below are called before the problem count is compared; they only build when every
    // part they need is present, and the caller drops the result when anything was reported.

    private Optional<Agreement> right(
            Node node,
            Optional<String> id,
            Optional<ProviderId> holder,
            Optional<Scope> scope,
            Optional<Instant> from,
            Optional<Instant> until) {
        Optional<RightOfFirstRefusal.Mode> mode = node.get("mode")
                .oneOf(MODES)
                .map(text ->
                        text.equals("match") ? RightOfFirstRefusal.Mode.MATCH : RightOfFirstRefusal.Mode.FIRST_LOOK);
        Duration window = node.get("window").positiveExact().orElse(defaults.offerWindow());
        boolean partial = node.get("partial").bool().orElse(false);
        if (!Values.allPresent(id, holder, scope, from)) {
            return Optional.empty();
        }
        return Optional.of(new RightOfFirstRefusal(
                new AgreementId(id.get()),
                holder.get(),
                mode.orElse(RightOfFirstRefusal.Mode.FIRST_LOOK),
                window,
                partial,
                scope.get(),
                from.get(),
                until.orElse(null)));
    }

    private Optional<Agreement> commitment(
            Node node,
            Optional<String> id,
            Optional<ProviderId> provider,
            Optional<Scope> scope,
            Optional<Instant> from,
            Optional<Instant> until) {
        Optional<Money> amount = node.get("amount").required().money();
        Node preferenceNode = node.get("preference");
        Optional<BigDecimal> preference = preferenceNode.check(
                preferenceNode.number(),
                p -> p.signum() >= 0 && p.doubleValue() < 1,
                "must be at least 0 and less than 1");
        if (!Values.allPresent(id, provider, scope, from, amount)) {
            return Optional.empty();
        }
        return Optional.of(new Commitment(
                new AgreementId(id.get()),
                provider.get(),
                amount.get(),
                preference.map(BigDecimal::doubleValue).orElse(0.0),
                scope.get(),
                from.get(),
                until.orElse(null)));
    }

    private Optional<ProviderId> provider(Node node) {
        Optional<String> name = node.required().id("provider id");
        if (name.isPresent() && providers.known() && !providers.ids().contains(name.get())) {
            node.problem(Catalog.unknown("provider", name.get(), providers.ids()));
            return Optional.empty();
        }
        return name.map(ProviderId::new);
    }

    /** Empty lists (or no scope) cover everything; workloads and accelerators must be declared. */
    private Optional<Scope> scope(Node node) {
        if (node.isAbsent()) {
            return Optional.of(Scope.EVERYTHING);
        }
        if (!node.fields(SCOPE_KEYS)) {
            return Optional.empty();
        }
        int mark = problems.count();
        List<String> workloads = node.get("workloads").ids("workload", catalog::workloadProblem);
        List<String> accelerators = node.get("accelerators").ids("accelerator", catalog::acceleratorProblem);
        List<String> regions = node.get("regions").ids("region");
        if (problems.count() != mark) {
            return Optional.empty();
        }
        return Optional.of(new Scope(
                workloads.stream().map(WorkloadClass::new).collect(Collectors.toSet()),
                accelerators.stream().map(AcceleratorId::new).collect(Collectors.toSet()),
                regions.stream().map(Region::new).collect(Collectors.toSet())));
    }
}
