package dev.vigil.storage.duckdb;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import dev.vigil.storage.SpanListener;
import dev.vigil.storage.tests.TestObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listeners get what they ask for: whole spans, payload-free spans, the spans they picked, or only the
 * news of a store.
 */
class ITSpanListeners {
  @TempDir
  Path dir;

  /** Records what it is given; {@code spans} and {@code payload} say what it asks for. */
  private static class Recorder implements SpanListener {
    final List<Span> received = new CopyOnWriteArrayList<>();
    final List<Long> calls = new CopyOnWriteArrayList<>();
    private final boolean spans;
    private final boolean payload;

    Recorder(boolean spans, boolean payload) {
      this.spans = spans;
      this.payload = payload;
    }

    @Override
    public void onStored(long projectId, List<Span> stored) {
      calls.add(projectId);
      received.addAll(stored);
    }

    @Override
    public boolean wantsSpans() {
      return spans;
    }

    @Override
    public boolean wantsPayload() {
      return payload;
    }
  }

  private static DuckDbStorage open(Path dir) {
    return DuckDbStorage.builder(dir).threads(2).recentSpanKeys(10_000).build();
  }

  /**
   * Stores {@code trace} in a new project {@code times} times (a retry after the first), with the
   * listeners registered, and closes the store, which joins the indexer that tells them after each
   * commit. Returns the project's id.
   */
  private long store(List<Span> trace, int times, SpanListener... listeners) {
    try (DuckDbStorage storage = open(dir)) {
      for (SpanListener l : listeners) storage.addListener(l);
      long project = storage.projectStore().createProject("p", null).id();
      for (int i = 0; i < times; i++) {
        storage.spanConsumer().accept(project, trace, List.of());
        storage.flush();
      }
      return project;
    }
  }

  @Test
  void withoutAListenerForPayloadsListenersGetSpansWithoutContent() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    Recorder slim = new Recorder(true, false);
    Recorder news = new Recorder(false, false);
    long projectId = store(trace, 1, slim, news);
    assertThat(news.calls).containsExactly(projectId);
    assertThat(news.received).isEmpty();
    assertThat(slim.received).containsExactlyElementsOf(trace.stream().map(Span::withoutPayload).toList());
    Span llm = slim.received.stream().filter(s -> s.llm() != null).findFirst().orElseThrow();
    assertThat(llm.content()).isEqualTo(dev.vigil.model.Content.EMPTY);
    assertThat(llm.attributes()).isEmpty();
    assertThat(llm.llm().requestModel()).isEqualTo("gpt-4o");
    assertThat(llm.feature()).isEqualTo("support-chat");
    assertThat(trace.stream().filter(s -> s.llm() != null).findFirst().orElseThrow().content())
        .isNotEqualTo(dev.vigil.model.Content.EMPTY);
  }

  @Test
  void aListenerForPayloadsGetsWholeSpansAndSoDoTheOthers() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    Recorder whole = new Recorder(true, true);
    Recorder slim = new Recorder(true, false);
    store(trace, 1, whole, slim);
    assertThat(whole.received).containsExactlyElementsOf(trace);
    assertThat(slim.received).containsExactlyElementsOf(trace);
  }

  /** Picks the first span of each request it is offered, or throws when told to. */
  private static final class Picker extends Recorder {
    final List<Integer> offered = new CopyOnWriteArrayList<>();
    private final boolean fails;

    Picker(boolean fails) {
      super(true, false);
      this.fails = fails;
    }

    @Override
    public List<Span> pick(List<Span> accepted) {
      offered.add(accepted.size());
      if (fails) throw new IllegalStateException("picking failed");
      return List.of(accepted.get(0));
    }
  }

  @Test
  void aPickingListenerIsToldItsPicksWithoutContentAndNothingForARequestThatStoredNothingNew() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    Picker picker = new Picker(false);
    Recorder slim = new Recorder(true, false);
    store(trace, 2, picker, slim); // the second time a retry: every span already stored
    assertThat(picker.offered).containsExactly(trace.size(), trace.size());
    assertThat(picker.calls).hasSize(1);
    assertThat(picker.received).containsExactly(trace.get(0).withoutPayload());
    assertThat(slim.calls).hasSize(2); // a listener told every span still hears of the retry, with no spans
    assertThat(slim.received).containsExactlyElementsOf(trace.stream().map(Span::withoutPayload).toList());
  }

  @Test
  void aListenerThatFailsToPickIsToldEverySpanAndTheRequestIsStored() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    Picker picker = new Picker(true);
    long project = store(trace, 1, picker);
    try (DuckDbStorage storage = open(dir)) {
      assertThat(storage.spanStore().getTrace(project, trace.get(0).traceId())).hasSize(trace.size());
    }
    assertThat(picker.received).containsExactlyElementsOf(trace.stream().map(Span::withoutPayload).toList());
  }
}
