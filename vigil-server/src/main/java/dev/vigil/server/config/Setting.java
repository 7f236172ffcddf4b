package dev.vigil.server.config;

import java.util.Locale;

/** One configuration key: its YAML name, default, and the environment variable that overrides it. */
record Setting(String key, String defaultValue, String description) {

  /** {@code ingest.max_body_bytes} → {@code VIGIL_INGEST_MAX_BODY_BYTES}. */
  String envName() {
    return "VIGIL_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
