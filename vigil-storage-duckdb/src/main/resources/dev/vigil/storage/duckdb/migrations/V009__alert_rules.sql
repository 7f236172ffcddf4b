-- Alerting defined through the API: rules (the text they were written in) and silences with their
-- matchers (rule name or notification label = value, all must hold).

CREATE TABLE alert_rules (
  project_id BIGINT NOT NULL,
  name       VARCHAR NOT NULL,
  body       VARCHAR NOT NULL,
  updated_ns BIGINT NOT NULL,
  PRIMARY KEY (project_id, name)
);

CREATE TABLE silences (
  project_id BIGINT NOT NULL,
  id         VARCHAR NOT NULL,
  starts_ns  BIGINT NOT NULL,
  ends_ns    BIGINT NOT NULL,
  comment    VARCHAR,
  created_by VARCHAR,
  created_ns BIGINT NOT NULL,
  PRIMARY KEY (project_id, id)
);

CREATE TABLE silence_matchers (
  project_id BIGINT NOT NULL,
  silence_id VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  value      VARCHAR NOT NULL,
  PRIMARY KEY (project_id, silence_id, name)
);
