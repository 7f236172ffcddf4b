package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Span;
import dev.vigil.storage.SqlRejectedException;
import dev.vigil.storage.SqlResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-only SQL console over the documented views, scoped to the caller's project. */
public abstract class ITSqlConsole extends StorageTestBase {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SqlResult sql(long projectId, String query) {
    return storage.sqlConsole().query(projectId, query, 1000, TIMEOUT);
  }

  @Test
  public void everyDocumentedViewAnswers() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    storage.signalStore().putFeedback(project, List.of(
        new Feedback("f1", trace.get(0).traceId(), FeedbackKind.THUMBS_UP, null, null, "u", T0)));

    SqlResult spans = sql(project, "SELECT model, sum(cost) AS cost, sum(input_tokens) AS tokens "
        + "FROM spans WHERE model IS NOT NULL GROUP BY model");
    assertThat(spans.columns()).containsExactly("model", "cost", "tokens");
    assertThat(spans.rows()).singleElement().satisfies(r -> {
      assertThat(r.get(0)).isEqualTo("gpt-4o-2024-08-06");
      assertThat(((Number) r.get(1)).doubleValue()).isEqualTo(0.00575);
    });
    SqlResult traces = sql(project, "SELECT trace_id, name, span_count, llm_calls, models FROM traces");
    assertThat(traces.rows()).singleElement().satisfies(r -> {
      assertThat(r.get(0)).isEqualTo(trace.get(0).traceId());
      assertThat(r.get(1)).isEqualTo("POST /chat");
      assertThat(((Number) r.get(2)).intValue()).isEqualTo(3);
      assertThat(r.get(4)).isEqualTo(List.of("gpt-4o-2024-08-06"));
    });
    assertThat(sql(project, "SELECT tags FROM spans WHERE parent_span_id IS NULL").rows())
        .singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo(List.of("beta", "eu")));
    assertThat(sql(project, "SELECT tags FROM spans WHERE is_root").rows())
        .singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo(List.of("beta", "eu")));
    assertThat(sql(project, "SELECT kind FROM feedback").rows()).containsExactly(List.of("thumbs_up"));
    assertThat(sql(project, "SELECT count(*) FROM scores").rows()).containsExactly(List.of(0L));
    assertThat(sql(project, "SELECT count(*) FROM change_events").rows()).containsExactly(List.of(0L));
  }

  @Test
  public void anotherProjectsRowsAreInvisible() {
    long other = storage.projectStore().createProject("other", null).id();
    accept(TestObjects.trace(T0, "support-chat", "gpt-4o"));

    assertThat(sql(project, "SELECT count(*) FROM spans").rows()).containsExactly(List.of(3L));
    assertThat(sql(other, "SELECT count(*) FROM spans").rows()).containsExactly(List.of(0L));
    assertThat(sql(other, "SELECT count(*) FROM traces").rows()).containsExactly(List.of(0L));
  }

  @Test
  public void writesAndFilesAreRefused() {
    for (String query : List.of("DELETE FROM spans", "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH 'x.db'", "SELECT 1; SELECT 2", "SET threads = 1", "PRAGMA database_list")) {
      assertThatThrownBy(() -> sql(project, query)).as(query).isInstanceOf(SqlRejectedException.class);
    }
  }
}
