-- A score row keeps only what differs from score to score, and as integers where it can: an
-- evaluator's id ('ev_' and 32 hex digits) as two halves, a hex trace id as two, a hex span id as
-- one (any other id stays text in id, trace_id, span_id), and its name, type, source and metadata
-- as one kind in score_kinds. The random id column and the three low-cardinality text columns were
-- most of what a page's insert and checkpoint cost DuckDB: 19-24 -> 12-15 us of CPU a span
-- (ScoreLayoutBenchmark, BENCHMARKS.md). score_rows stays a view with the old columns, and the halves: rendering
-- ids as text costs ~0.3 us each, so readers match and join on the halves and render only what they return.
DROP VIEW score_rows;

CREATE TABLE score_kinds (
  project_id BIGINT NOT NULL,
  id         BIGINT NOT NULL,
  name       VARCHAR NOT NULL,
  data_type  VARCHAR NOT NULL,
  source     VARCHAR NOT NULL,
  metadata   MAP(VARCHAR, VARCHAR) NOT NULL,
  PRIMARY KEY (project_id, id)
);

-- Kinds of stored scores get negative ids, so they never meet a hash id (those are never negative).
CREATE TEMP TABLE migrated_kinds AS
  SELECT *, -row_number() OVER (ORDER BY project_id, name, data_type, source, meta_id) AS kind_id
  FROM (SELECT DISTINCT project_id, meta_id, name, data_type, source FROM score_facts);

INSERT INTO score_kinds
  SELECT k.project_id, k.kind_id, k.name, k.data_type, k.source, coalesce(m.metadata, MAP {}::MAP(VARCHAR, VARCHAR))
  FROM migrated_kinds k LEFT JOIN score_meta m ON m.project_id = k.project_id AND m.id = k.meta_id;

CREATE TABLE score_values (
  project_id BIGINT NOT NULL,
  id_hi      BIGINT, -- an evaluator's id: 'ev_' and these halves in hex
  id_lo      BIGINT,
  id         VARCHAR, -- any other id
  trace_hi   BIGINT, -- a 32-hex trace id
  trace_lo   BIGINT,
  trace_id   VARCHAR, -- any other trace id
  span       BIGINT, -- a 16-hex span id
  span_id    VARCHAR, -- any other span id
  value      DOUBLE,
  label      VARCHAR,
  comment    VARCHAR,
  time_ns    BIGINT NOT NULL,
  kind_id    BIGINT NOT NULL
);

-- The halves of 16 hex digits at a position, as the signed BIGINT the span index stores too.
CREATE TEMP MACRO hex_half(str, pos) AS CAST(('0x' || substr(str, pos, 16))::UBIGINT::HUGEINT
  - CASE WHEN ('0x' || substr(str, pos, 16))::UBIGINT >= 9223372036854775808 THEN 18446744073709551616::HUGEINT ELSE 0 END
  AS BIGINT);

INSERT INTO score_values
  SELECT f.project_id,
    CASE WHEN ev THEN hex_half(f.id, 4) END, CASE WHEN ev THEN hex_half(f.id, 20) END, CASE WHEN ev THEN NULL ELSE f.id END,
    CASE WHEN th THEN hex_half(f.trace_id, 1) END, CASE WHEN th THEN hex_half(f.trace_id, 17) END,
    CASE WHEN th THEN NULL ELSE f.trace_id END,
    CASE WHEN sh THEN hex_half(f.span_id, 1) END, CASE WHEN sh THEN NULL ELSE f.span_id END,
    f.value, f.label, f.comment, f.time_ns, k.kind_id
  FROM (SELECT *, coalesce(regexp_full_match(id, 'ev_[0-9a-f]{32}'), false) AS ev,
      coalesce(regexp_full_match(trace_id, '[0-9a-f]{32}'), false) AS th,
      coalesce(regexp_full_match(span_id, '[0-9a-f]{16}'), false) AS sh FROM score_facts) f
  JOIN migrated_kinds k ON k.project_id = f.project_id AND k.name = f.name AND k.data_type = f.data_type
    AND k.source = f.source AND k.meta_id IS NOT DISTINCT FROM f.meta_id
  ORDER BY f.time_ns;

DROP MACRO hex_half;

DROP TABLE migrated_kinds;

DROP TABLE score_facts;

DROP TABLE score_meta;

CREATE VIEW score_rows AS
  SELECT f.project_id,
    coalesce(f.id, 'ev_' || lpad(lower(to_hex(f.id_hi)), 16, '0') || lpad(lower(to_hex(f.id_lo)), 16, '0')) AS id,
    coalesce(f.trace_id, lpad(lower(to_hex(f.trace_hi)), 16, '0') || lpad(lower(to_hex(f.trace_lo)), 16, '0')) AS trace_id,
    coalesce(f.span_id, lpad(lower(to_hex(f.span)), 16, '0')) AS span_id,
    k.name, k.data_type, f.value, f.label, k.source, f.comment, f.time_ns, k.metadata,
    f.trace_hi, f.trace_lo, f.span, f.span IS NULL AND f.span_id IS NULL AS whole_trace
  FROM score_values f JOIN score_kinds k ON k.project_id = f.project_id AND k.id = f.kind_id;
