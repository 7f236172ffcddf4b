-- Vigil embedded schema, version 1.
-- Physical tables are named *_index / plain nouns; the SQL console sees only per-project views
-- (spans, traces, ...) defined in code, never these tables.

CREATE SEQUENCE project_id_seq START 1;

CREATE TABLE projects (
  id                BIGINT PRIMARY KEY,
  name              VARCHAR NOT NULL,
  created_at        TIMESTAMP NOT NULL,
  retention_days    INTEGER NOT NULL,
  pii_mode          VARCHAR NOT NULL,
  feature_attribute VARCHAR NOT NULL
);

CREATE TABLE project_pii_rules (
  project_id BIGINT NOT NULL,
  position   INTEGER NOT NULL,
  name       VARCHAR NOT NULL,
  pattern    VARCHAR NOT NULL,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE project_price_overrides (
  project_id              BIGINT NOT NULL,
  position                INTEGER NOT NULL,
  model_pattern           VARCHAR NOT NULL,
  provider                VARCHAR,
  input_per_million       DOUBLE NOT NULL,
  output_per_million      DOUBLE NOT NULL,
  cache_read_per_million  DOUBLE,
  cache_write_per_million DOUBLE,
  reasoning_per_million   DOUBLE,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE api_keys (
  id           VARCHAR PRIMARY KEY,
  project_id   BIGINT NOT NULL,
  name         VARCHAR NOT NULL,
  prefix       VARCHAR NOT NULL,
  secret_hash  VARCHAR NOT NULL UNIQUE,
  admin        BOOLEAN NOT NULL,
  created_at   TIMESTAMP NOT NULL,
  revoked_at   TIMESTAMP,
  last_used_at TIMESTAMP
);

-- One row per span: the analytic columns only. Content (messages, documents, attributes, status
-- message, kind, request model) stays in the segment log at (seg_id, blk_off, blk_idx). Ids are
-- stored as integers (trace id as two halves): random hex strings cost DuckDB a third more per row.
-- No primary key: an index costs 4x ingest speed; duplicates are stopped before insert (Indexer).
CREATE TABLE span_index (
  seg_id             BIGINT NOT NULL,
  blk_off            BIGINT NOT NULL,
  blk_idx            BIGINT NOT NULL,
  project_id         BIGINT NOT NULL,
  trace_hi           BIGINT NOT NULL,
  trace_lo           BIGINT NOT NULL,
  span_id            BIGINT NOT NULL,
  parent_id          BIGINT,
  name               VARCHAR,
  span_type          VARCHAR,
  start_ns           BIGINT NOT NULL,
  duration_ns        BIGINT NOT NULL,
  is_error           BOOLEAN NOT NULL,
  error_type         VARCHAR,
  service            VARCHAR,
  feature            VARCHAR,
  user_id            VARCHAR,
  session_id         VARCHAR,
  tags               VARCHAR,
  prompt_name        VARCHAR,
  prompt_version     VARCHAR,
  environment        VARCHAR,
  release            VARCHAR,
  provider           VARCHAR,
  model              VARCHAR,
  input_tokens       BIGINT,
  output_tokens      BIGINT,
  cache_read_tokens  BIGINT,
  cache_write_tokens BIGINT,
  reasoning_tokens   BIGINT,
  tokens_estimated   BOOLEAN NOT NULL,
  cost               DOUBLE,
  cost_source        VARCHAR,
  finish_reason      VARCHAR,
  is_refusal         BOOLEAN NOT NULL,
  ttft_ns            BIGINT,
  streaming          BOOLEAN NOT NULL,
  input_chars        BIGINT,
  output_chars       BIGINT,
  pii_count          BIGINT,
  received_ns        BIGINT NOT NULL
);

-- Content that arrived apart from its span (GenAI log events), joined to the span when read.
CREATE TABLE attachment_index (
  seg_id      BIGINT NOT NULL,
  blk_off     BIGINT NOT NULL,
  blk_idx     BIGINT NOT NULL,
  project_id  BIGINT NOT NULL,
  trace_hi    BIGINT NOT NULL,
  trace_lo    BIGINT NOT NULL,
  span_id     BIGINT NOT NULL,
  event_name  VARCHAR,
  time_ns     BIGINT NOT NULL,
  received_ns BIGINT NOT NULL
);

-- How far each project's log has been indexed; advanced in the same transaction as the rows.
CREATE TABLE log_checkpoint (
  project_id   BIGINT PRIMARY KEY,
  segment_id   BIGINT NOT NULL,
  block_offset BIGINT NOT NULL
);

-- Per segment span time range, so retention can delete whole files.
CREATE TABLE segments (
  project_id   BIGINT NOT NULL,
  segment_id   BIGINT NOT NULL,
  min_start_ns BIGINT NOT NULL,
  max_start_ns BIGINT NOT NULL,
  spans        BIGINT NOT NULL,
  PRIMARY KEY (project_id, segment_id)
);

CREATE TABLE score_rows (
  project_id BIGINT NOT NULL,
  id         VARCHAR NOT NULL,
  trace_id   VARCHAR,
  span_id    VARCHAR,
  name       VARCHAR NOT NULL,
  data_type  VARCHAR NOT NULL,
  value      DOUBLE,
  label      VARCHAR,
  source     VARCHAR NOT NULL,
  comment    VARCHAR,
  time_ns    BIGINT NOT NULL,
  metadata   MAP(VARCHAR, VARCHAR),
  PRIMARY KEY (project_id, id)
);

CREATE TABLE feedback_rows (
  project_id BIGINT NOT NULL,
  id         VARCHAR NOT NULL,
  trace_id   VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,
  value      DOUBLE,
  comment    VARCHAR,
  user_id    VARCHAR,
  time_ns    BIGINT NOT NULL,
  PRIMARY KEY (project_id, id)
);

CREATE TABLE change_rows (
  project_id  BIGINT NOT NULL,
  id          VARCHAR NOT NULL,
  change_type VARCHAR NOT NULL,
  feature     VARCHAR,
  description VARCHAR,
  source      VARCHAR,
  time_ns     BIGINT NOT NULL,
  attributes  MAP(VARCHAR, VARCHAR),
  PRIMARY KEY (project_id, id)
);
