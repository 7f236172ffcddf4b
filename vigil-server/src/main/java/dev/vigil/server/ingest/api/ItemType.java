package dev.vigil.server.ingest.api;

import java.util.Locale;

/** The {@code type} of an item. */
enum ItemType {
  TRACE, SPAN, SCORE, FEEDBACK, CHANGE;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
