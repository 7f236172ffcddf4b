-- Scoring: the pipeline reads the span log from a cursor (the log is its durable queue); this keeps
-- the cursor, failed evaluations waiting for a retry or dead, and scorecards defined through the API.

-- One row per project: where scoring has read the log ("segment:offset" of the next block) and the
-- pipeline's sampling state at that point, written in one transaction with the batch's failures.
CREATE TABLE scoring_checkpoint (
  project_id BIGINT PRIMARY KEY,
  cursor     VARCHAR NOT NULL,
  state      VARCHAR,
  updated_ns BIGINT NOT NULL
);

-- Projects that exist when this migration runs start scoring at what is already indexed, so an
-- upgrade scores new traffic instead of re-reading all history; new projects start at their beginning.
INSERT INTO scoring_checkpoint
  SELECT project_id, CAST(segment_id AS VARCHAR) || ':' || CAST(block_offset AS VARCHAR), NULL, 0 FROM log_checkpoint;

-- Evaluations that failed: retried with backoff, then kept as dead letters.
CREATE TABLE scoring_tasks (
  project_id        BIGINT NOT NULL,
  id                VARCHAR NOT NULL,
  trace_id          VARCHAR NOT NULL,
  span_id           VARCHAR,
  span_start_ns     BIGINT NOT NULL,
  scorecard         VARCHAR NOT NULL,
  scorecard_version VARCHAR,
  metric            VARCHAR NOT NULL,
  attempts          INTEGER NOT NULL,
  last_error        VARCHAR,
  first_failed_ns   BIGINT NOT NULL,
  next_attempt_ns   BIGINT NOT NULL,
  dead              BOOLEAN NOT NULL,
  PRIMARY KEY (project_id, id)
);

-- Scorecards defined through the API (files in the scorecards directory are read at start-up).
CREATE TABLE scorecards (
  project_id BIGINT NOT NULL,
  name       VARCHAR NOT NULL,
  yaml       VARCHAR NOT NULL,
  updated_ns BIGINT NOT NULL,
  PRIMARY KEY (project_id, name)
);
