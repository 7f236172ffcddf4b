package dev.vigil.storage.duckdb;

import dev.vigil.model.Span;
import dev.vigil.storage.Page;
import dev.vigil.storage.SessionSummary;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.SpanStore;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSummary;
import dev.vigil.storage.UserSummary;
import java.util.List;
import java.util.Optional;

/** The read side over the index and the log; each call borrows one pooled connection. */
final class DuckDbSpanStore implements SpanStore {
  private final Database db;
  private final SegmentReader reader;

  DuckDbSpanStore(Database db, SegmentReader reader) {
    this.db = db;
    this.reader = reader;
  }

  @Override
  public Page<TraceSummary> findTraces(long projectId, TraceQuery query) {
    if (query.filter().text() != null) {
      return db.read("trace search", conn -> TextSearch.find(conn, reader, projectId, query));
    }
    return db.read("trace search", conn -> SelectTraces.find(conn, projectId, query));
  }

  @Override
  public List<Span> getTrace(long projectId, String traceId) {
    return db.read("trace", conn -> SelectTrace.trace(conn, reader, projectId, traceId, null));
  }

  @Override
  public Optional<Span> getSpan(long projectId, String traceId, String spanId) {
    return db.read("span", conn -> SelectTrace.trace(conn, reader, projectId, traceId, spanId))
        .stream().findFirst();
  }

  @Override
  public Page<SessionSummary> findSessions(long projectId, SpanFilter filter, String cursor, int limit) {
    return db.read("sessions", conn -> SelectSessions.find(conn, projectId, filter, cursor, limit));
  }

  @Override
  public List<TraceSummary> getSessionTraces(long projectId, String sessionId) {
    return db.read("session", conn -> SelectSessions.traces(conn, projectId, sessionId));
  }

  @Override
  public Page<UserSummary> findUsers(long projectId, SpanFilter filter, String cursor, int limit) {
    return db.read("users", conn -> SelectUsers.find(conn, projectId, filter, cursor, limit));
  }
}
