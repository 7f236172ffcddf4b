package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.tests.TestObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scoring page stops at {@link LogFeed#MAX_PAGE_BYTES} of records whatever its span limit, so a
 * large page of long prompts does not fill the heap, and paging on still reads every span once.
 */
class ITScoringPageBytes {
  private static final long T0 = 1_790_000_000_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void aPageOfLongPromptsStopsAtTheByteBoundAndPagingReadsEverySpanOnce() {
    String prompt = "x".repeat(300_000); // ~300 KB a span: 40 spans a request are ~12 MB of records
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).threads(1).build()) {
      long project = storage.projectStore().createProject("p", null).id();
      List<String> stored = new ArrayList<>();
      for (int request = 0; request < 3; request++) {
        List<Span> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String trace = TestObjects.traceId();
          batch.add(TestObjects.llm(trace, null, T0 + (request * 40L + i) * 1_000_000L, "gpt-4o")
              .content(new Content(List.of(Message.of("user", prompt)), List.of(Message.of("assistant", "ok")), List.of(),
                  null, null))
              .build());
        }
        storage.spanConsumer().accept(project, batch, List.of());
        batch.forEach(s -> stored.add(s.spanId()));
      }
      storage.flush();

      SpanFeed first = storage.scoringStore().spansAfter(project, null, 10_000);
      assertThat(first.spans()).hasSize(80); // two requests reach the bound, though the limit allows all 120

      List<String> read = new ArrayList<>(first.spans().stream().map(Span::spanId).toList());
      String cursor = first.nextCursor();
      for (int pages = 0; pages < 10; pages++) {
        SpanFeed page = storage.scoringStore().spansAfter(project, cursor, 10_000);
        if (page.spans().isEmpty()) break;
        page.spans().forEach(s -> read.add(s.spanId()));
        cursor = page.nextCursor();
      }
      assertThat(read).containsExactlyElementsOf(stored);
    }
  }
}
