package dev.vigil.server.config;

import java.util.List;

/** Every configuration key Vigil reads. docs/configuration.md documents each (a test checks). */
final class Settings {
  static final List<Setting> ALL = List.of(
      new Setting("host", "0.0.0.0", "Address the HTTP server binds to."),
      new Setting("port", "4318", "HTTP port for the API, OTLP ingest and the UI (4318 is OTLP/HTTP's default)."),
      new Setting("data_dir", "data", "Directory for the database, the span log and the installation secret."),
      new Setting("init_api_key", "", "API key of the first project, used only when the data directory is new. Empty: one is generated and printed once."),
      new Setting("admin_password", "", "Password of the web UI's 'admin' user, used only when no user exists yet. Empty: one is generated and printed once."),
      new Setting("session_ttl_hours", "168", "How long a web UI sign-in lasts without use; each use extends it."),
      new Setting("ingest.max_body_bytes", "16777216", "Largest request body accepted as sent (compressed or not); larger gets 413."),
      new Setting("ingest.max_decompressed_bytes", "67108864", "Largest request body after gzip decompression; larger gets 413."),
      new Setting("storage.memory_limit", "256MB", "DuckDB's memory limit; queries that need more spill to disk."),
      new Setting("storage.threads", "0", "DuckDB's threads; 0: one per core."),
      new Setting("storage.max_pending_spans", "300000", "Spans accepted but not yet indexed before ingest answers 503 with Retry-After."),
      new Setting("sql.timeout_seconds", "10", "Time limit of one SQL console query."),
      new Setting("sql.max_rows", "10000", "Most rows one SQL console query returns."),
      new Setting("pii.default_region", "US", "Region for phone numbers written without a country code (ISO 3166 code)."),
      new Setting("retention.check_interval_minutes", "60", "How often data past each project's retention is purged."),
      new Setting("scoring.enabled", "true", "Run the scoring pipeline; when off, stored spans wait and are scored once it is on."),
      new Setting("scoring.scorecards_dir", "", "Directory of scorecard YAML files; empty: 'scorecards' beside the config file, else ./scorecards."),
      new Setting("scoring.workers", "2", "Evaluations run at once."),
      new Setting("scoring.evaluator_timeout_ms", "5000", "Longest one evaluation may run before it fails as timed out."),
      new Setting("scoring.max_attempts", "5", "Attempts of a failing evaluation before it becomes a dead letter."),
      new Setting("scoring.retry_backoff_seconds", "30", "Wait before the first retry; doubles with each failure, at most an hour."),
      new Setting("scoring.max_lag_seconds", "60", "While scoring lags capture by more than this for want of CPU (the machine busy, scoring's threads waiting for it), ingest is paced to 80 % of scoring's rate until the lag is under half of it. 0: capture never waits for scoring."),
      new Setting("scoring.batch_spans", "4000", "Most spans the pipeline reads per pass (a pass also stops after 16 MiB of records)."),
      new Setting("scoring.plugins_dir", "", "Directory of jars with custom evaluators (docs/scorecards.md). Empty: no plugins."),
      new Setting("scoring.judge_daily_budget_usd", "10", "What each project may spend on LLM judges per UTC day, in USD; then judging is skipped visibly."),
      new Setting("alerting.rules_file", "", "YAML file of alert rules and notification channels (docs/alerting.md). Empty: no alerting."),
      new Setting("alerting.interval_seconds", "30", "How often alert rules are evaluated."),
      new Setting("alerting.public_url", "", "Vigil's address as people reach it, for links in notifications (e.g. https://vigil.example.com)."),
      new Setting("alerting.digest_channels", "", "Channels (from the rules file, email or webhook) that get the weekly digest, comma-separated. Empty: no digest."),
      new Setting("alerting.digest_day", "monday", "Day of the week the digest is sent (UTC)."),
      new Setting("alerting.digest_hour", "8", "Hour of that day (0-23, UTC) the digest is sent."),
      new Setting("smtp.host", "", "SMTP server for email notifications. Empty: email channels fail visibly."),
      new Setting("smtp.port", "587", "SMTP port."),
      new Setting("smtp.from", "vigil@localhost", "Sender address of notification emails."),
      new Setting("smtp.username", "", "SMTP user name. Empty: no authentication."),
      new Setting("smtp.password", "", "SMTP password (never printed)."),
      new Setting("smtp.starttls", "true", "Require STARTTLS before authenticating and sending."));

  private Settings() {}
}
