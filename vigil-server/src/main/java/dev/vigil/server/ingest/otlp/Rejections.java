package dev.vigil.server.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

/** Counts rejected items and keeps the first few messages: enough to act on, bounded in size. */
final class Rejections {
  static final int MAX_MESSAGES = 10;

  private final List<String> messages = new ArrayList<>();
  private int count;

  void add(String message) {
    count++;
    if (messages.size() < MAX_MESSAGES) messages.add(message);
  }

  int count() {
    return count;
  }

  List<String> messages() {
    return List.copyOf(messages);
  }
}
