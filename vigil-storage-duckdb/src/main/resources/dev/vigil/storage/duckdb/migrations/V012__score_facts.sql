-- Scores are written at the pipeline's pace (six or more a call at 100 % sampling), so their table
-- drops what made each row dear: the primary key on a random VARCHAR id (4x an insert; duplicates
-- are now dropped by the insert itself, see DuckDbSignalStore) and a MAP per row (2.3x): a page's
-- scores share a handful of metadata maps, stored once in score_meta and referenced by a hash id.
-- score_rows stays as a view with the old columns, so every reader is unchanged.
CREATE TABLE score_meta (
  project_id BIGINT NOT NULL,
  id         BIGINT NOT NULL,
  metadata   MAP(VARCHAR, VARCHAR) NOT NULL,
  PRIMARY KEY (project_id, id)
);

CREATE TABLE score_facts (
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
  meta_id    BIGINT -- null: no metadata
);

-- Existing maps get negative ids, so they never meet a hash id (those are never negative).
CREATE TEMP TABLE migrated_meta AS
  SELECT project_id, metadata, -row_number() OVER (ORDER BY project_id) AS id
  FROM (SELECT DISTINCT project_id, metadata FROM score_rows WHERE cardinality(metadata) > 0);

INSERT INTO score_meta SELECT project_id, id, metadata FROM migrated_meta;

INSERT INTO score_facts
  SELECT s.project_id, s.id, s.trace_id, s.span_id, s.name, s.data_type, s.value, s.label, s.source, s.comment,
    s.time_ns, m.id
  FROM score_rows s LEFT JOIN migrated_meta m ON m.project_id = s.project_id AND m.metadata = s.metadata
  ORDER BY s.time_ns;

DROP TABLE migrated_meta;

DROP TABLE score_rows;

CREATE VIEW score_rows AS
  SELECT f.project_id, f.id, f.trace_id, f.span_id, f.name, f.data_type, f.value, f.label, f.source, f.comment,
    f.time_ns, coalesce(m.metadata, MAP {}::MAP(VARCHAR, VARCHAR)) AS metadata
  FROM score_facts f LEFT JOIN score_meta m ON m.project_id = f.project_id AND m.id = f.meta_id;
