-- The live node's command log, the events each command yielded, and the API's tokens.
--
-- One script for H2 and PostgreSQL alike, so it uses only what both read the same way:
-- TIMESTAMP(6) WITH TIME ZONE keeps an instant to the microsecond on both (the store writes and
-- reads it as an OffsetDateTime in UTC, never through the JVM's time zone). TEXT is unbounded on
-- PostgreSQL and a character large object on H2; VARCHAR without a length would stop at
-- 1,000,000 characters on H2, and a command's body or an event's line has no such bound.

CREATE TABLE command (
    seq  BIGINT                      NOT NULL PRIMARY KEY,
    at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    kind VARCHAR(40)                 NOT NULL,
    body TEXT                        NOT NULL
);

CREATE TABLE event (
    seq     BIGINT                      NOT NULL PRIMARY KEY,
    at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    request VARCHAR(200)                NOT NULL,
    type    VARCHAR(40)                 NOT NULL,
    line    TEXT                        NOT NULL
);

-- A request's story is read by its id, in seq order.
CREATE INDEX event_by_request ON event (request, seq);

CREATE TABLE token (
    hash    CHAR(64)                    NOT NULL PRIMARY KEY,
    role    VARCHAR(200)                NOT NULL,
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
