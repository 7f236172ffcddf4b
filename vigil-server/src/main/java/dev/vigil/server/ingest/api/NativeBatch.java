package dev.vigil.server.ingest.api;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.Feedback;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import java.util.List;

/**
 * A decoded ingest request: the valid items as model objects, and one result per item in request
 * order. The HTTP layer writes the model objects, then answers 207 with {@link #results()}.
 */
public record NativeBatch(
    List<Span> spans,
    List<Score> scores,
    List<Feedback> feedback,
    List<ChangeEvent> changes,
    List<ItemResult> results) {

  public NativeBatch {
    spans = List.copyOf(spans);
    scores = List.copyOf(scores);
    feedback = List.copyOf(feedback);
    changes = List.copyOf(changes);
    results = List.copyOf(results);
  }

  public int accepted() {
    return (int) results.stream().filter(ItemResult::ok).count();
  }

  public int rejected() {
    return results.size() - accepted();
  }
}
