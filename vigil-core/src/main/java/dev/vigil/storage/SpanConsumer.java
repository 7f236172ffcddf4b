package dev.vigil.storage;

import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import java.util.List;

/**
 * The write side of span storage. {@link #accept} returns only after the batch is durable: a caller
 * may acknowledge its client as soon as it returns, and a crash right after must lose nothing.
 * Spans become queryable shortly after (see {@link SpanListener}). Re-sending a span (same project,
 * trace id and span id) does not create a duplicate.
 */
public interface SpanConsumer {

  /**
   * @throws OverCapacityException when the backend sheds load; nothing of the batch was stored
   * @throws StorageException when the batch could not be made durable; nothing was acknowledged
   */
  void accept(long projectId, List<Span> spans, List<SpanAttachment> attachments);
}
