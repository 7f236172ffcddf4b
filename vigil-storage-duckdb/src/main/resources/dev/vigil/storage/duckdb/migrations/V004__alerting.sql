-- Alerting: the notification outbox (one row per notification and channel, retried until accepted
-- or given up, every attempt kept so failures are visible), alert state and alert history.

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

-- Live alert state: one row per (project, rule, group) while pending or firing.
CREATE TABLE alert_instances (
  project_id        BIGINT NOT NULL,
  rule              VARCHAR NOT NULL,
  grp               VARCHAR NOT NULL,
  status            VARCHAR NOT NULL,
  pending_since_ns  BIGINT NOT NULL,
  firing_since_ns   BIGINT NOT NULL,
  value             DOUBLE NOT NULL,
  last_notified_ns  BIGINT NOT NULL,
  PRIMARY KEY (project_id, rule, grp)
);

-- Alert history: every transition.
CREATE TABLE alert_events (
  project_id BIGINT NOT NULL,
  rule       VARCHAR NOT NULL,
  grp        VARCHAR NOT NULL,
  status     VARCHAR NOT NULL,
  value      DOUBLE NOT NULL,
  time_ns    BIGINT NOT NULL,
  message    VARCHAR
);
