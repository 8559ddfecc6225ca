package dev.tender.server.node;

import dev.tender.broker.Answer;
import dev.tender.broker.Reply;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.provider.ProviderId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change of state the node logs before anything depends on it. The instant it takes effect is
 * the writer's to give, not the command's (ADR 0013); what the engine makes of it is {@code R}.
 */
public sealed interface Command<R> {

    /** The name the log stores the command under. */
    String kind();

    R applyTo(LiveEngine engine);

    /**
     * Providers, sites, prices and agreements from a scenario's text (its demand left out), for an
     * empty node. {@code manual} names providers that answer through the API whatever the file says.
     */
    record LoadWorld(String scenario, String source, Set<ProviderId> manual) implements Command<WorldLoad> {
        public LoadWorld {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(source, "source");
            manual = Set.copyOf(new TreeSet<>(manual));
        }

        @Override
        public String kind() {
            return "LOAD_WORLD";
        }

        @Override
        public WorldLoad applyTo(LiveEngine engine) {
            return engine.load(this);
        }
    }

    /** A tenant's demand; the engine names it. {@code idempotencyKey} makes a retry return the same request. */
    record Submit(Demand demand, String idempotencyKey) implements Command<Submission> {
        public Submit {
            Objects.requireNonNull(demand, "demand");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }

        @Override
        public String kind() {
            return "SUBMIT";
        }

        @Override
        public Submission applyTo(LiveEngine engine) {
            return engine.submit(this);
        }
    }

    /** A provider's answer to an offer made to it. */
    record Respond(OfferId offer, ProviderId provider, Answer answer) implements Command<Reply> {
        public Respond {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public String kind() {
            return "RESPOND";
        }

        @Override
        public Reply applyTo(LiveEngine engine) {
            return engine.respond(this);
        }
    }

    /** The tenant withdraws what is not yet awarded. */
    record Cancel(RequestId request, String reason) implements Command<Boolean> {
        public Cancel {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "CANCEL";
        }

        @Override
        public Boolean applyTo(LiveEngine engine) {
            return engine.cancel(this);
        }
    }

    /** What loading a world came to: loaded, or the problems that stopped it. */
    record WorldLoad(List<String> problems) {
        public WorldLoad {
            problems = List.copyOf(problems);
        }

        public boolean loaded() {
            return problems.isEmpty();
        }
    }
}
