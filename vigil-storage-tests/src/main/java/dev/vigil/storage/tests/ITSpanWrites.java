package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Accepting spans: exact round trip of everything a span carries, idempotence, attachments. */
public abstract class ITSpanWrites extends StorageTestBase {

  @Test
  public void storedTraceReadsBackExactly() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);

    List<Span> read = storage.spanStore().getTrace(project, trace.get(0).traceId());

    assertThat(read).containsExactlyElementsOf(trace); // ordered by start time, every field equal
  }

  @Test
  public void oneSpanByIdWithItsContent() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    Span llm = trace.get(2);

    Span read = storage.spanStore().getSpan(project, llm.traceId(), llm.spanId()).orElseThrow();

    assertThat(read).isEqualTo(llm);
    assertThat(read.content().input()).extracting(Message::role).containsExactly("system", "user");
    assertThat(read.llm().usage().input()).isEqualTo(1200L);
    assertThat(storage.spanStore().getSpan(project, llm.traceId(), TestObjects.spanId())).isEmpty();
  }

  @Test
  public void unknownTraceIsEmpty() {
    assertThat(storage.spanStore().getTrace(project, TestObjects.traceId())).isEmpty();
  }

  @Test
  public void resentSpansAreStoredOnce() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    accept(trace);
    accept(List.of(trace.get(2), trace.get(2))); // repeated within one batch too

    assertThat(storage.spanStore().getTrace(project, trace.get(0).traceId())).hasSize(3);
    var page = storage.spanStore().findTraces(project, new TraceQuery(SpanFilter.between(T0 - HOUR, T0 + HOUR), null, null, 50));
    assertThat(page.items()).singleElement().satisfies(t -> {
      assertThat(t.spanCount()).isEqualTo(3);
      assertThat(t.inputTokens()).isEqualTo(1200);
    });
  }

  @Test
  public void attachmentFillsContentOfItsSpanWhicheverArrivesFirst() {
    String traceId = TestObjects.traceId();
    Span early = TestObjects.llm(traceId, null, T0, "gpt-4o").content(Content.EMPTY).piiCounts(Map.of()).build();
    SpanAttachment question = new SpanAttachment(traceId, early.spanId(), T0 + 1, "gen_ai.user.message",
        List.of(Message.of("user", "Where is my order?")), List.of(), Map.of(), Map.of("phone", 1));
    SpanAttachment answer = new SpanAttachment(traceId, early.spanId(), T0 + 2, "gen_ai.choice",
        List.of(), List.of(new Message("assistant", "It ships today.", null, List.of(), null, "stop")),
        Map.of(), Map.of());
    attach(List.of(question)); // before the span
    accept(List.of(early));
    attach(List.of(answer)); // after the span

    Span read = storage.spanStore().getSpan(project, traceId, early.spanId()).orElseThrow();

    assertThat(read.content().input()).containsExactly(Message.of("user", "Where is my order?"));
    assertThat(read.content().output()).extracting(Message::content).containsExactly("It ships today.");
    assertThat(read.piiCounts()).containsEntry("phone", 1);
  }

  @Test
  public void concurrentWritersLoseNothing() throws Exception {
    int threads = 6;
    int batches = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
          List<Span> trace = TestObjects.trace(T0 + thread * 1000L + b, "f" + thread, "gpt-4o");
          storage.spanConsumer().accept(project, trace, List.of());
          ids.add(trace.get(0).traceId());
        }
        return ids;
      }));
    }
    List<String> all = new ArrayList<>();
    for (Future<List<String>> f : futures) all.addAll(f.get());
    pool.shutdown();
    flush(storage);

    for (String id : all) assertThat(storage.spanStore().getTrace(project, id)).hasSize(3);
  }

  @Test
  public void everythingSurvivesReopening() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    reopen();

    assertThat(storage.spanStore().getTrace(project, trace.get(0).traceId())).containsExactlyElementsOf(trace);
    accept(trace); // still recognized as a duplicate after the restart
    assertThat(storage.spanStore().getTrace(project, trace.get(0).traceId())).hasSize(3);
  }
}
