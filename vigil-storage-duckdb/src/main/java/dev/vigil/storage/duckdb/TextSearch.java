package dev.vigil.storage.duckdb;

import dev.vigil.model.Document;
import dev.vigil.model.Span;
import dev.vigil.storage.Page;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSummary;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trace search with a text condition. Content lives in the log, not the index, so the other
 * conditions pick candidate traces in sort order and their content is scanned chunk by chunk. A
 * request scans at most {@link #SCAN_BUDGET} traces: when that runs out before the page is full, the
 * page comes back short with a cursor to continue from, so one search never monopolizes the server.
 */
final class TextSearch {
  static final int SCAN_BUDGET = 5_000;
  private static final int CHUNK = 200;

  private TextSearch() {}

  static Page<TraceSummary> find(Connection conn, SegmentReader reader, long projectId, TraceQuery q)
      throws SQLException {
    String needle = q.filter().text().toLowerCase(Locale.ROOT);
    List<SelectTraces.Root> matches = new ArrayList<>();
    String cursor = q.cursor();
    int scanned = 0;
    boolean exhausted = false;
    outer:
    while (scanned < SCAN_BUDGET) {
      TraceQuery chunkQuery = new TraceQuery(q.filter(), q.sort(), cursor, Math.min(CHUNK, TraceQuery.MAX_LIMIT));
      List<SelectTraces.Root> roots = SelectTraces.roots(conn, projectId, chunkQuery, CHUNK);
      if (roots.isEmpty()) {
        exhausted = true;
        break;
      }
      Map<String, List<Span>> contents =
          SelectTrace.contents(conn, reader, projectId, roots.stream().map(SelectTraces.Root::traceId).toList());
      for (SelectTraces.Root root : roots) {
        scanned++;
        cursor = SelectTraces.cursorAfter(q.sort(), root).encode();
        if (contains(contents.getOrDefault(root.traceId(), List.of()), needle)) {
          matches.add(root);
          if (matches.size() == q.limit()) break outer;
        }
      }
      if (roots.size() < CHUNK) {
        exhausted = true;
        break;
      }
    }
    return new Page<>(SelectTraces.summarize(conn, projectId, matches), exhausted ? null : cursor);
  }

  static boolean contains(List<Span> spans, String lowerNeedle) {
    for (Span s : spans) {
      if (hit(s.content().inputText(), lowerNeedle) || hit(s.content().outputText(), lowerNeedle)) return true;
      for (Document d : s.content().documents()) if (hit(d.content(), lowerNeedle)) return true;
    }
    return false;
  }

  private static boolean hit(String text, String lowerNeedle) {
    if (text == null || text.length() < lowerNeedle.length()) return false;
    int n = lowerNeedle.length();
    for (int i = 0, last = text.length() - n; i <= last; i++) {
      if (text.regionMatches(true, i, lowerNeedle, 0, n)) return true;
    }
    return false;
  }
}
