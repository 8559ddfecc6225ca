package dev.tender.server.node;

import dev.tender.agreement.AgreementId;
import dev.tender.broker.Answer;
import dev.tender.broker.Reply;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.scenario.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
    record LoadWorld(String scenario, String source, Set<ProviderId> manual) implements Command<WorldEdit> {
        public LoadWorld {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(source, "source");
            manual = Set.copyOf(manual);
        }

        @Override
        public String kind() {
            return "LOAD_WORLD";
        }

        @Override
        public WorldEdit applyTo(LiveEngine engine) {
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

    /**
     * A clause signed while live, written as an entry of a scenario's {@code agreements} (JSON). It
     * applies from its {@code from}, which may not be earlier than the command.
     */
    record AddAgreement(String entry) implements Command<WorldEdit> {
        public AddAgreement {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public String kind() {
            return "ADD_AGREEMENT";
        }

        @Override
        public WorldEdit applyTo(LiveEngine engine) {
            return engine.addAgreement(this);
        }
    }

    /**
     * A clause ends at {@code at}, which must be after the command; or, when null, a millisecond after
     * it, so a request stamped with the same instant is routed with the clause whichever came first.
     */
    record EndAgreement(AgreementId agreement, @Nullable Instant at) implements Command<WorldEdit> {
        public EndAgreement {
            Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public String kind() {
            return "END_AGREEMENT";
        }

        @Override
        public WorldEdit applyTo(LiveEngine engine) {
            return engine.endAgreement(this);
        }
    }

    /**
     * A provider brings more of an accelerator online at one of its sites from {@code from}: {@code
     * units}, or {@code megawatts} that the accelerator's power turns into units (one of the two).
     */
    record AnnounceCapacity(
            ProviderId provider,
            SiteId site,
            AcceleratorId accelerator,
            @Nullable Integer units,
            @Nullable BigDecimal megawatts,
            Instant from)
            implements Command<WorldEdit> {
        public AnnounceCapacity {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(accelerator, "accelerator");
            Objects.requireNonNull(from, "from");
            if ((units == null) == (megawatts == null)) {
                throw new IllegalArgumentException("capacity is announced in units or in megawatts, one of the two");
            }
        }

        @Override
        public String kind() {
            return "ANNOUNCE_CAPACITY";
        }

        @Override
        public WorldEdit applyTo(LiveEngine engine) {
            return engine.announce(this);
        }
    }

    /** What a change of the world came to: done, or refused with the problems, each with its path. */
    record WorldEdit(Outcome outcome, List<Problem> problems) {

        /** {@code NOT_FOUND}: what it names does not exist; {@code CONFLICT}: it cannot apply to the world as it is. */
        public enum Outcome {
            DONE,
            INVALID,
            NOT_FOUND,
            CONFLICT
        }

        public WorldEdit {
            Objects.requireNonNull(outcome, "outcome");
            problems = List.copyOf(problems);
            if ((outcome == Outcome.DONE) != problems.isEmpty()) {
                throw new IllegalArgumentException("a change is done exactly when nothing is wrong with it");
            }
        }

        static final WorldEdit DONE = new WorldEdit(Outcome.DONE, List.of());

        static WorldEdit refused(Outcome outcome, String path, String problem) {
            return new WorldEdit(outcome, List.of(new Problem(path, problem)));
        }

        public boolean done() {
            return outcome == Outcome.DONE;
        }
    }
}
