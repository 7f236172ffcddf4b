package dev.vigil.storage;

import dev.vigil.model.Span;
import java.util.List;

/**
 * Told about spans after they are stored and queryable: the hand-off from storage to scoring and
 * monitors. Called on the storage's own thread, so implementations must return quickly (queue the
 * work); a listener that throws is logged and never affects storage or other listeners.
 */
@FunctionalInterface
public interface SpanListener {
  /** @param spans the spans stored, or an empty list for a listener that does not {@link #wantsSpans()} */
  void onStored(long projectId, List<Span> spans);

  /**
   * False for a listener that only needs to know that spans were stored (it reads them itself, e.g.
   * from a cursor): storage then need not hold every accepted span in memory until it is indexed.
   */
  default boolean wantsSpans() {
    return true;
  }

  /**
   * False for a listener that reads only a span's identity, times, status and dimensions: it is then
   * given {@link Span#withoutPayload()} copies, and storage holds no content or attributes for it.
   */
  default boolean wantsPayload() {
    return true;
  }

  /**
   * Picks, on the accepting thread, the few of a request's spans this listener needs, such as the
   * earliest per distinct model. Storage then holds only those (payload-free unless
   * {@link #wantsPayload()}) until they are stored, instead of a copy of every span: under load that
   * copy was most of the heap. A listener that picks is told its picks whenever the request stored at
   * least one new span, even if a pick repeats a span stored before, so it must be idempotent. Null,
   * the default, means it is told every newly stored span.
   */
  default List<Span> pick(List<Span> accepted) {
    return null;
  }
}
