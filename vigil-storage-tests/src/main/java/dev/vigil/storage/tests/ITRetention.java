package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Span;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retention removes what is older than the cut-off and nothing newer. */
public abstract class ITRetention extends StorageTestBase {
  private static final long DAY = 24 * HOUR;

  @Test
  public void purgesOldSpansAndSignalsOnly() {
    List<Span> old = TestObjects.trace(T0 - 40 * DAY, "support-chat", "gpt-4o");
    List<Span> recent = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(old);
    accept(recent);
    storage.signalStore().putFeedback(project, List.of(
        new Feedback("old", old.get(0).traceId(), FeedbackKind.THUMBS_UP, null, null, null, T0 - 40 * DAY),
        new Feedback("new", recent.get(0).traceId(), FeedbackKind.THUMBS_UP, null, null, null, T0)));

    long deleted = storage.retention().purgeBefore(project, T0 - 30 * DAY);

    assertThat(deleted).isEqualTo(3);
    assertThat(storage.spanStore().getTrace(project, old.get(0).traceId())).isEmpty();
    assertThat(storage.spanStore().getTrace(project, recent.get(0).traceId())).hasSize(3);
    assertThat(storage.signalStore().feedback(project, old.get(0).traceId())).isEmpty();
    assertThat(storage.signalStore().feedback(project, recent.get(0).traceId())).hasSize(1);
    var page = storage.spanStore().findTraces(project, new TraceQuery(SpanFilter.between(T0 - 50 * DAY, T0 + DAY), null, null, 10));
    assertThat(page.items()).hasSize(1);
  }
}
