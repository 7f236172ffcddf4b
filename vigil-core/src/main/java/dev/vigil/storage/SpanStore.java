package dev.vigil.storage;

import dev.vigil.model.Span;
import java.util.List;
import java.util.Optional;

/** The read side of span storage. Every call is scoped to one project. */
public interface SpanStore {

  Page<TraceSummary> findTraces(long projectId, TraceQuery query);

  /** Every span of a trace with its content (attachments merged in), ordered by start time. */
  List<Span> getTrace(long projectId, String traceId);

  /** One span with its content. */
  Optional<Span> getSpan(long projectId, String traceId, String spanId);

  Page<SessionSummary> findSessions(long projectId, SpanFilter filter, String cursor, int limit);

  /** The traces of one session, oldest first: a conversation read top to bottom. */
  List<TraceSummary> getSessionTraces(long projectId, String sessionId);

  Page<UserSummary> findUsers(long projectId, SpanFilter filter, String cursor, int limit);
}
