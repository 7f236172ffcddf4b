package dev.vigil.server.ingest.pii;

import java.util.List;

/** Finds one kind of sensitive value. Implementations are immutable and safe to share across threads. */
interface Detector {
  /** Appends what it finds in {@code text} to {@code out}; should return at once when {@code hints} rule it out. */
  void find(String text, TextHints hints, List<Finding> out);
}
