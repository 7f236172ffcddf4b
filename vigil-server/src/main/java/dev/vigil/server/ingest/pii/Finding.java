package dev.vigil.server.ingest.pii;

/**
 * One detected value: {@code [start, end)} in the scanned text. {@code priority} findings (secrets,
 * custom rules) win any overlap with generic ones, so a card number inside an API key stays a secret.
 */
record Finding(int start, int end, String kind, boolean priority) {
  Finding {
    if (start < 0 || end <= start) throw new IllegalArgumentException("empty finding " + start + ".." + end);
  }

  int length() {
    return end - start;
  }
}
