-- Human review: annotation queues and their items. The labels are scores (source 'annotation') in
-- score_rows; these tables keep only which traces a queue holds and how far its review has come.

CREATE TABLE review_queues (
  project_id BIGINT NOT NULL,
  id         VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  scorecard  VARCHAR,
  origin     VARCHAR NOT NULL,
  created_ns BIGINT NOT NULL,
  PRIMARY KEY (project_id, id)
);

-- state: pending, done or skipped; position keeps the order the queue was built in (worst first).
CREATE TABLE review_items (
  project_id BIGINT NOT NULL,
  queue_id   VARCHAR NOT NULL,
  trace_id   VARCHAR NOT NULL,
  position   INTEGER NOT NULL,
  state      VARCHAR NOT NULL,
  updated_ns BIGINT NOT NULL,
  PRIMARY KEY (project_id, queue_id, trace_id)
);
