-- Every request with what the API finds it by: its tenant and its state (OPEN, or the outcome of
-- its CLOSED event), in the order of submission (the seq of its SUBMITTED event). The node writes
-- a row in the transaction that stores the request's SUBMITTED event and sets its state in the one
-- that stores its CLOSED event, so the rows always agree with the events beside them. The node
-- keeps only open requests in memory and finds the others here and in the event table.

CREATE TABLE request (
    seq    BIGINT       NOT NULL PRIMARY KEY,
    id     VARCHAR(200) NOT NULL UNIQUE,
    tenant VARCHAR(200) NOT NULL,
    state  VARCHAR(40)  NOT NULL
);

-- A tenant's requests, and a tenant's requests in a state, read in submission order.
CREATE INDEX request_by_tenant ON request (tenant, seq);
CREATE INDEX request_by_state ON request (state, seq);
