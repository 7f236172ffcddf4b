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
      new Setting("storage.memory_limit", "512MB", "DuckDB's memory limit; queries that need more spill to disk."),
      new Setting("storage.max_pending_spans", "300000", "Spans accepted but not yet indexed before ingest answers 503 with Retry-After."),
      new Setting("sql.timeout_seconds", "10", "Time limit of one SQL console query."),
      new Setting("sql.max_rows", "10000", "Most rows one SQL console query returns."),
      new Setting("pii.default_region", "US", "Region for phone numbers written without a country code (ISO 3166 code)."),
      new Setting("retention.check_interval_minutes", "60", "How often data past each project's retention is purged."));

  private Settings() {}
}
