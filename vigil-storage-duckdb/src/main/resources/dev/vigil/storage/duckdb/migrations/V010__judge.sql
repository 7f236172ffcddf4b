-- LLM judges: tokens and cost per project, UTC day and judge, so the daily judge budget survives a
-- restart. One row per (project, day, judge), incremented after every judge call.
CREATE TABLE judge_spend (
  project_id    BIGINT NOT NULL,
  day           DATE NOT NULL,
  judge         VARCHAR NOT NULL,
  calls         BIGINT NOT NULL,
  input_tokens  BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cost_usd      DOUBLE NOT NULL,
  PRIMARY KEY (project_id, day, judge)
);
