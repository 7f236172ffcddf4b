package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Span;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing of one project is visible through another project's reads. */
public abstract class ITTenantIsolation extends StorageTestBase {

  @Test
  public void anotherProjectSeesNothing() {
    long other = storage.projectStore().createProject("other", null).id();
    List<Span> mine = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(mine);
    String traceId = mine.get(0).traceId();
    storage.signalStore().putFeedback(project, List.of(
        new Feedback("f", traceId, FeedbackKind.THUMBS_UP, null, null, null, T0)));
    SpanFilter range = SpanFilter.between(T0 - HOUR, T0 + HOUR);

    assertThat(storage.spanStore().getTrace(other, traceId)).isEmpty();
    assertThat(storage.spanStore().getSpan(other, traceId, mine.get(2).spanId())).isEmpty();
    assertThat(storage.spanStore().findTraces(other, new TraceQuery(range, null, null, 10)).items()).isEmpty();
    assertThat(storage.spanStore().findSessions(other, range, null, 10).items()).isEmpty();
    assertThat(storage.spanStore().getSessionTraces(other, "session-1")).isEmpty();
    assertThat(storage.spanStore().findUsers(other, range, null, 10).items()).isEmpty();
    assertThat(storage.metricStore().query(other, new MetricQuery(range, null, null, List.of(), null, 10))).isEmpty();
    assertThat(storage.signalStore().feedback(other, traceId)).isEmpty();

    // the same ids written to another project are that project's own, not a duplicate of ours
    accept(other, mine);
    assertThat(storage.spanStore().getTrace(other, traceId)).hasSize(3);
    assertThat(storage.spanStore().getTrace(project, traceId)).hasSize(3);
  }
}
