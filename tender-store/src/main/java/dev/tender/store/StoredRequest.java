package dev.tender.store;

/**
 * A request as the API finds it in the store: by its tenant and its state, in submission order.
 * The events of the request, in the event table, tell the rest.
 *
 * @param seq the seq of its {@code SUBMITTED} event, which orders requests by submission
 * @param id not blank, at most 200 characters
 * @param tenant not blank, at most 200 characters
 * @param state {@code OPEN} or the outcome it closed with: not blank, at most 40 characters
 */
public record StoredRequest(long seq, String id, String tenant, String state) {

    public StoredRequest {
        Columns.seq(seq);
        Columns.varchar(id, "id", 200);
        Columns.varchar(tenant, "tenant", 200);
        Columns.varchar(state, "state", 40);
    }

    /** The same request in {@code newState}. */
    public StoredRequest in(String newState) {
        return new StoredRequest(seq, id, tenant, newState);
    }
}
