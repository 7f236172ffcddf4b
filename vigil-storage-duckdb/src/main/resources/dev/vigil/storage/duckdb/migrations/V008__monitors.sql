-- Monitors: control-chart state per (project, rule, group, clause), so a restart resumes each chart
-- where it stopped, and the first time each model, prompt version or release was seen in a project's
-- spans, from which changes are detected.

CREATE TABLE monitor_charts (
  project_id  BIGINT NOT NULL,
  chart_key   VARCHAR NOT NULL,
  last_ns     BIGINT NOT NULL,
  n           BIGINT NOT NULL,
  mean        DOUBLE NOT NULL,
  m2          DOUBLE NOT NULL,
  ewma        DOUBLE,
  cusum_high  DOUBLE NOT NULL,
  cusum_low   DOUBLE NOT NULL,
  PRIMARY KEY (project_id, chart_key)
);

CREATE TABLE seen_values (
  project_id     BIGINT NOT NULL,
  seen_key       VARCHAR NOT NULL,
  first_seen_ns  BIGINT NOT NULL,
  PRIMARY KEY (project_id, seen_key)
);
