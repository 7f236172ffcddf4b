package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.SECOND;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.StatusCode;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.Page;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trace search: each condition, each sort, cursor pagination, text in content. */
public abstract class ITTraceSearch extends StorageTestBase {
  private List<String> ids; // trace ids, oldest first

  /** Ten traces one minute apart; varied feature, model, user, latency, errors, tags and text. */
  @BeforeEach
  void tenTraces() {
    ids = new ArrayList<>();
    List<Span> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = T0 + i * MINUTE;
      String traceId = TestObjects.traceId();
      ids.add(traceId);
      Span root = TestObjects.root(traceId, start, i % 2 == 0 ? "support-chat" : "summarize")
          .endEpochNanos(start + (i + 1) * SECOND)
          .userId("user-" + (i % 3))
          .tags(i < 3 ? List.of("vip") : List.of())
          .build();
      String model = i % 3 == 0 ? "claude-sonnet-4" : "gpt-4o";
      Span llm = TestObjects.llm(traceId, root.spanId(), start + 1000, model)
          .feature(root.feature())
          .userId(root.userId())
          .status(i == 7 ? StatusCode.ERROR : StatusCode.OK)
          .promptVersion(i < 5 ? "v1" : "v2")
          .content(new Content(List.of(Message.of("user", i == 4 ? "Question about INVOICE 42" : "hello")),
              List.of(Message.of("assistant", "answer " + i)), List.of(), null, null))
          .build();
      all.add(root);
      all.add(llm);
    }
    accept(all);
  }

  private Page<TraceSummary> find(SpanFilter f, TraceSort sort, String cursor, int limit) {
    return storage.spanStore().findTraces(project, new TraceQuery(f, sort, cursor, limit));
  }

  private List<String> ids(SpanFilter f) {
    return find(f, TraceSort.OLDEST, null, 100).items().stream().map(TraceSummary::traceId).toList();
  }

  private static SpanFilter all() {
    return SpanFilter.between(T0 - HOUR, T0 + HOUR);
  }

  private static SpanFilter where(Dimension d, String... values) {
    return new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(d, List.of(values)), List.of(), null, null, null,
        null, null, null, null, null);
  }

  private List<String> pick(int... indexes) {
    List<String> out = new ArrayList<>();
    for (int i : indexes) out.add(ids.get(i));
    return out;
  }

  @Test
  public void newestFirstWithTotals() {
    Page<TraceSummary> page = find(all(), TraceSort.NEWEST, null, 3);
    assertThat(page.items()).extracting(TraceSummary::traceId).containsExactly(ids.get(9), ids.get(8), ids.get(7));
    TraceSummary t = page.items().get(0);
    assertThat(t.name()).isEqualTo("POST /chat");
    assertThat(t.spanCount()).isEqualTo(2);
    assertThat(t.llmCallCount()).isEqualTo(1);
    assertThat(t.models()).containsExactly("claude-sonnet-4-2024-08-06"); // i = 9 uses claude
    assertThat(t.inputTokens()).isEqualTo(1200);
    assertThat(t.outputTokens()).isEqualTo(300);
    assertThat(t.cost()).isEqualTo(0.00575);
    assertThat(t.durationNanos()).isEqualTo(10 * SECOND);
    assertThat(t.feature()).isEqualTo("summarize");
    assertThat(t.userId()).isEqualTo("user-0");
    assertThat(page.items().get(2).errorCount()).isEqualTo(1);
  }

  @Test
  public void cursorWalksEveryTraceOnceInEverySort() {
    for (TraceSort sort : TraceSort.values()) {
      Set<String> seen = new HashSet<>();
      List<String> order = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Page<TraceSummary> page = find(all(), sort, cursor, 3);
        for (TraceSummary t : page.items()) {
          assertThat(seen.add(t.traceId())).as("%s repeated in %s", t.traceId(), sort).isTrue();
          order.add(t.traceId());
        }
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null && pages < 10);
      assertThat(seen).as(sort.name()).hasSize(10);
      if (sort == TraceSort.OLDEST) assertThat(order).containsExactlyElementsOf(ids);
      if (sort == TraceSort.SLOWEST) assertThat(order.get(0)).isEqualTo(ids.get(9));
    }
  }

  @Test
  public void filtersByDimensionsOfAnySpan() {
    assertThat(ids(where(Dimension.FEATURE, "summarize"))).containsExactlyElementsOf(pick(1, 3, 5, 7, 9));
    assertThat(ids(where(Dimension.MODEL, "claude-sonnet-4-2024-08-06"))).containsExactlyElementsOf(pick(0, 3, 6, 9));
    assertThat(ids(where(Dimension.USER, "user-1", "user-2"))).containsExactlyElementsOf(pick(1, 2, 4, 5, 7, 8));
    assertThat(ids(where(Dimension.PROMPT_VERSION, "v2"))).containsExactlyElementsOf(pick(5, 6, 7, 8, 9));
    assertThat(ids(where(Dimension.PROVIDER, "openai"))).hasSize(10);
    assertThat(ids(where(Dimension.FINISH_REASON, "length"))).isEmpty();
  }

  @Test
  public void filtersByTagErrorsLatencyCostAndTime() {
    SpanFilter vip = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of("vip"), null, null, null, null, null, null, null, null);
    assertThat(ids(vip)).containsExactlyElementsOf(pick(0, 1, 2));
    SpanFilter errors = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), true, null, null, null, null, null, null, null);
    assertThat(ids(errors)).containsExactly(ids.get(7));
    SpanFilter clean = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), false, null, null, null, null, null, null, null);
    assertThat(ids(clean)).hasSize(9).doesNotContain(ids.get(7));
    SpanFilter slow = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, 7_500d, null, null, null, null, null, null);
    assertThat(ids(slow)).containsExactlyElementsOf(pick(7, 8, 9));
    SpanFilter pricey = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, 0.005, 0.006, 1000L, null, null);
    assertThat(ids(pricey)).hasSize(10);
    SpanFilter cheap = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, 0.001, null, null, null);
    assertThat(ids(cheap)).isEmpty();
    assertThat(ids(SpanFilter.between(T0 + 2 * MINUTE, T0 + 4 * MINUTE))).containsExactlyElementsOf(pick(2, 3));
  }

  /** Costliest first under every kind of condition: the same traces as sorted by time, in the order of their totals. */
  @Test
  public void costliestUnderConditionsIsTheOrderOfTheTotals() {
    List<Span> extra = new ArrayList<>(); // more calls, so more cost and tokens: trace 2 one, 5 three, 8 two
    for (int i : List.of(2, 5, 5, 5, 8, 8)) {
      extra.add(TestObjects.llm(ids.get(i), TestObjects.spanId(), T0 + i * MINUTE + 2000, "gpt-4o").build());
    }
    accept(extra);
    SpanFilter vip = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of("vip"), null, null, null, null, null, null, null, null);
    SpanFilter clean = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), false, null, null, null, null, null, null, null);
    SpanFilter errors = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), true, null, null, null, null, null, null, null);
    SpanFilter slow = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, 4_500d, 8_500d, null, null, null, null, null);
    SpanFilter tokens = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, 1500L, 1500L, null);
    SpanFilter manyTokens = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, 3001L, null, null);
    SpanFilter late = SpanFilter.between(T0 + 3 * MINUTE, T0 + 8 * MINUTE);
    SpanFilter claude = where(Dimension.MODEL, "claude-sonnet-4-2024-08-06"); // on the LLM child only
    List<SpanFilter> filters = List.of(all(), vip, clean, errors, slow, tokens, manyTokens, late, claude);
    List<List<Integer>> expected = List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), List.of(0, 1, 2),
        List.of(0, 1, 2, 3, 4, 5, 6, 8, 9), List.of(7), List.of(4, 5, 6, 7), List.of(0, 1, 3, 4, 6, 7, 9), List.of(5, 8),
        List.of(3, 4, 5, 6, 7), List.of(0, 3, 6, 9));
    for (int k = 0; k < filters.size(); k++) {
      List<TraceSummary> matching = find(filters.get(k), TraceSort.OLDEST, null, 100).items();
      assertThat(matching).extracting(TraceSummary::traceId).as("filter %d", k)
          .containsExactlyElementsOf(expected.get(k).stream().map(ids::get).toList());
      List<TraceSummary> costliest = find(filters.get(k), TraceSort.COSTLIEST, null, 100).items();
      assertThat(costliest).extracting(TraceSummary::traceId).as("filter %d", k)
          .containsExactlyInAnyOrderElementsOf(matching.stream().map(TraceSummary::traceId).toList());
      assertThat(costliest).extracting(TraceSummary::cost).as("filter %d", k).isSortedAccordingTo(Comparator.reverseOrder());
    }
    assertThat(find(all(), TraceSort.COSTLIEST, null, 3).items()).extracting(TraceSummary::traceId)
        .containsExactly(ids.get(5), ids.get(8), ids.get(2));
  }

  /** 64-bit trace ids (high half 0) all share a half: each trace still gets its own spans and totals. */
  @Test
  public void tracesSharingHalfTheirIdKeepTheirOwnSpans() {
    List<String> shared = List.of("000000000000000000000000000000a1", "000000000000000000000000000000b2");
    List<Span> spans = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      long start = T0 + 30 * SECOND + k * SECOND;
      Span root = TestObjects.root(shared.get(k), start, "shared").endEpochNanos(start + SECOND).build();
      spans.add(root);
      for (int c = 0; c <= k; c++) { // trace a1 has one call, b2 two
        spans.add(TestObjects.llm(shared.get(k), root.spanId(), start + 1000 + c, "gpt-4o").feature("shared")
            .content(new Content(List.of(Message.of("user", "needle " + k)), List.of(), List.of(), null, null)).build());
      }
    }
    accept(spans);
    List<TraceSummary> costliest = find(where(Dimension.FEATURE, "shared"), TraceSort.COSTLIEST, null, 10).items();
    assertThat(costliest).extracting(TraceSummary::traceId).containsExactly(shared.get(1), shared.get(0));
    assertThat(costliest).extracting(TraceSummary::spanCount).containsExactly(3, 2);
    SpanFilter needle = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, null, null, "needle 1");
    assertThat(ids(needle)).containsExactly(shared.get(1));
  }

  @Test
  public void textSearchLooksInsideMessages() {
    SpanFilter invoice = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, null, null, "invoice 42");
    assertThat(ids(invoice)).containsExactly(ids.get(4));
    SpanFilter answer = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, null, null, "ANSWER 7");
    assertThat(ids(answer)).containsExactly(ids.get(7));
    SpanFilter none = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, null, null, "no such words");
    assertThat(find(none, TraceSort.NEWEST, null, 5).items()).isEmpty();
  }

  @Test
  public void textSearchPagesWithACursor() {
    SpanFilter answers = new SpanFilter(T0 - HOUR, T0 + HOUR, Map.of(), List.of(), null, null, null, null, null, null, null, "answer");
    Page<TraceSummary> first = find(answers, TraceSort.NEWEST, null, 4);
    assertThat(first.items()).hasSize(4);
    Page<TraceSummary> second = find(answers, TraceSort.NEWEST, first.nextCursor(), 10);
    assertThat(second.items()).hasSize(6);
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  public void foreignCursorIsRejected() {
    assertThatThrownBy(() -> find(all(), TraceSort.NEWEST, "not-a-cursor", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
  }
}
