package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Span;
import dev.vigil.storage.ChartState;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TimedValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thumbs feedback per slice, control-chart state across a restart, first-seen values. */
public abstract class ITMonitors extends StorageTestBase {

  private Span call(long start, String feature, String promptVersion) {
    Span s = TestObjects.llm(TestObjects.traceId(), null, start, "gpt-4o").feature(feature).promptVersion(promptVersion).build();
    accept(List.of(s));
    return s;
  }

  @Test
  public void thumbsAreOneForUpAndZeroForDown() {
    Span a = call(T0, "support-chat", "v2");
    Span b = call(T0 + MINUTE, "support-chat", "v2");
    storage.signalStore().putFeedback(project, List.of(
        new Feedback("f1", a.traceId(), FeedbackKind.THUMBS_UP, null, null, null, T0 + MINUTE),
        new Feedback("f2", b.traceId(), FeedbackKind.THUMBS_DOWN, null, null, null, T0 + MINUTE),
        new Feedback("f3", b.traceId(), FeedbackKind.COMMENT, null, "meh", null, T0 + MINUTE)));
    assertThat(storage.monitorStore().thumbsValues(project, SpanFilter.between(T0, T0 + 10 * MINUTE), 100))
        .extracting(TimedValue::value).containsExactly(1.0, 0.0);
  }

  @Test
  public void chartStateSurvivesARestart() {
    assertThat(storage.monitorStore().chart(project, "rule/0")).isEmpty();
    storage.monitorStore().saveChart(project, "rule/0", ChartState.start(T0));
    storage.monitorStore().saveChart(project, "rule/0", new ChartState(T0 + MINUTE, 31, 2.5, 7.25, 2.6, 1.5, 0));
    reopen();
    assertThat(storage.monitorStore().chart(project, "rule/0"))
        .contains(new ChartState(T0 + MINUTE, 31, 2.5, 7.25, 2.6, 1.5, 0));
    storage.monitorStore().saveChart(project, "rule/1", ChartState.start(T0));
    assertThat(storage.monitorStore().chart(project, "rule/1").orElseThrow().ewma()).isNaN();
  }

  @Test
  public void markSeenReturnsOnlyNewKeysOncePerProject() {
    assertThat(storage.monitorStore().markSeen(project, Map.of("model\u001fgpt-4o", T0, "prompt\u001fv3", T0)))
        .containsExactlyInAnyOrder("model\u001fgpt-4o", "prompt\u001fv3");
    assertThat(storage.monitorStore().markSeen(project, Map.of("model\u001fgpt-4o", T0 + 1, "prompt\u001fv4", T0)))
        .containsExactly("prompt\u001fv4");
    long other = storage.projectStore().createProject("other", null).id();
    assertThat(storage.monitorStore().markSeen(other, Map.of("model\u001fgpt-4o", T0))).hasSize(1);
  }
}
