package dev.tender.agreement;

import dev.tender.ids.Ids;

/** Names a clause, so that every decision can say which clause made it. */
public record AgreementId(String value) implements Comparable<AgreementId> {

    public AgreementId {
        Ids.requireValid("agreement id", value);
    }

    @Override
    public int compareTo(AgreementId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
