-- The notification outbox (alerting): one row per notification and channel, retried until accepted
-- or given up, and every attempt kept so failures are visible.

CREATE TABLE deliveries (
  id               VARCHAR PRIMARY KEY,
  project_id       BIGINT NOT NULL,
  channel          VARCHAR NOT NULL,
  payload          VARCHAR NOT NULL,
  state            VARCHAR NOT NULL,
  attempts         INTEGER NOT NULL,
  created_ns       BIGINT NOT NULL,
  next_attempt_ns  BIGINT NOT NULL,
  last_error       VARCHAR
);

CREATE TABLE delivery_attempts (
  delivery_id VARCHAR NOT NULL,
  attempt     INTEGER NOT NULL,
  time_ns     BIGINT NOT NULL,
  ok          BOOLEAN NOT NULL,
  status      INTEGER,
  error       VARCHAR,
  PRIMARY KEY (delivery_id, attempt)
);
