package dev.vigil.storage.duckdb;

/**
 * A place in a project's log: a segment and the byte offset of a block in it. Rendered as
 * {@code "segment:offset"}, the scoring cursor; positions order as the log does.
 */
record LogPosition(int segment, long offset) implements Comparable<LogPosition> {

  static LogPosition parse(String cursor) {
    int colon = cursor.indexOf(':');
    try {
      if (colon > 0) return new LogPosition(Integer.parseInt(cursor.substring(0, colon)), Long.parseLong(cursor.substring(colon + 1)));
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("not a log cursor: '" + cursor + "'");
  }

  @Override
  public int compareTo(LogPosition o) {
    int c = Integer.compare(segment, o.segment);
    return c != 0 ? c : Long.compare(offset, o.offset);
  }

  @Override
  public String toString() {
    return segment + ":" + offset;
  }
}
