-- Regression sets: named lists of traces per project. Items point at traces by id (content stays in
-- the span log), so exporting reads the trace as it is stored then.

CREATE TABLE dataset_rows (
  project_id  BIGINT NOT NULL,
  name        VARCHAR NOT NULL,
  description VARCHAR,
  created_ns  BIGINT NOT NULL,
  PRIMARY KEY (project_id, name)
);

CREATE TABLE dataset_item_rows (
  project_id BIGINT NOT NULL,
  dataset    VARCHAR NOT NULL,
  trace_id   VARCHAR NOT NULL,
  expected   VARCHAR,
  note       VARCHAR,
  added_ns   BIGINT NOT NULL,
  PRIMARY KEY (project_id, dataset, trace_id)
);
