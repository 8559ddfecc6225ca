package dev.tender.agreement;

import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The holder sees the demand before the market ({@link Mode#FIRST_LOOK}) or may match the best
 * market terms ({@link Mode#MATCH}), and has {@code window} to answer.
 */
public record RightOfFirstRefusal(
        AgreementId id,
        ProviderId holder,
        Mode mode,
        Duration window,
        boolean partial,
        Scope scope,
        Instant from,
        @Nullable Instant until)
        implements Agreement {

    public enum Mode {
        FIRST_LOOK("first-look"),
        MATCH("match");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public RightOfFirstRefusal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("agreement " + id + ": window must be positive, not " + window);
        }
        scope = scope == null ? Scope.EVERYTHING : scope;
        Agreement.requirePeriod(id, from, until);
    }

    @Override
    public ProviderId provider() {
        return holder;
    }
}
