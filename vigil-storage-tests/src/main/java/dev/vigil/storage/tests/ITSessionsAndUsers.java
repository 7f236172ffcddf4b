package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import dev.vigil.storage.Page;
import dev.vigil.storage.SessionSummary;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceSummary;
import dev.vigil.storage.UserSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions read as conversations; users with their usage and cost. */
public abstract class ITSessionsAndUsers extends StorageTestBase {

  private List<String> conversation(String sessionId, String userId, long start, int turns) {
    List<String> traceIds = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      String traceId = TestObjects.traceId();
      traceIds.add(traceId);
      long t = start + i * MINUTE;
      Span root = TestObjects.root(traceId, t, "support-chat").sessionId(sessionId).userId(userId).build();
      spans.add(root);
      spans.add(TestObjects.llm(traceId, root.spanId(), t + 1000, "gpt-4o").sessionId(sessionId).userId(userId).build());
    }
    accept(spans);
    return traceIds;
  }

  @Test
  public void sessionTimelineOldestFirst() {
    List<String> turns = conversation("s-1", "alice", T0, 3);
    conversation("s-2", "bob", T0 + 10 * MINUTE, 1);

    List<TraceSummary> timeline = storage.spanStore().getSessionTraces(project, "s-1");

    assertThat(timeline).extracting(TraceSummary::traceId).containsExactlyElementsOf(turns);
    assertThat(timeline).allSatisfy(t -> assertThat(t.sessionId()).isEqualTo("s-1"));
  }

  @Test
  public void sessionsMostRecentFirstWithTotalsAndCursor() {
    conversation("s-1", "alice", T0, 3);
    conversation("s-2", "bob", T0 + 10 * MINUTE, 1);
    SpanFilter range = SpanFilter.between(T0 - HOUR, T0 + HOUR);

    Page<SessionSummary> first = storage.spanStore().findSessions(project, range, null, 1);
    assertThat(first.items()).singleElement().satisfies(s -> {
      assertThat(s.sessionId()).isEqualTo("s-2");
      assertThat(s.userId()).isEqualTo("bob");
      assertThat(s.traceCount()).isEqualTo(1);
    });
    Page<SessionSummary> second = storage.spanStore().findSessions(project, range, first.nextCursor(), 1);
    assertThat(second.items()).singleElement().satisfies(s -> {
      assertThat(s.sessionId()).isEqualTo("s-1");
      assertThat(s.traceCount()).isEqualTo(3);
      assertThat(s.inputTokens()).isEqualTo(3 * 1200);
      assertThat(s.cost()).isCloseTo(3 * 0.00575, org.assertj.core.data.Offset.offset(1e-12));
    });
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  public void usersByCost() {
    conversation("s-1", "alice", T0, 3);
    conversation("s-2", "bob", T0 + 10 * MINUTE, 1);

    Page<UserSummary> users = storage.spanStore().findUsers(project, SpanFilter.between(T0 - HOUR, T0 + HOUR), null, 10);

    assertThat(users.items()).extracting(UserSummary::userId).containsExactly("alice", "bob");
    UserSummary alice = users.items().get(0);
    assertThat(alice.traceCount()).isEqualTo(3);
    assertThat(alice.sessionCount()).isEqualTo(1);
    assertThat(alice.llmCallCount()).isEqualTo(3);
    assertThat(alice.outputTokens()).isEqualTo(900);
    assertThat(alice.firstEpochNanos()).isEqualTo(T0);
  }

  @Test
  public void usersPageByCursor() {
    conversation("s-1", "alice", T0, 3);
    conversation("s-2", "bob", T0 + 10 * MINUTE, 1);
    conversation("s-3", "carol", T0 + 20 * MINUTE, 1); // costs what bob costs: ties break on the id
    SpanFilter range = SpanFilter.between(T0 - HOUR, T0 + HOUR);

    Page<UserSummary> first = storage.spanStore().findUsers(project, range, null, 2);
    Page<UserSummary> second = storage.spanStore().findUsers(project, range, first.nextCursor(), 2);

    assertThat(first.items()).extracting(UserSummary::userId).containsExactly("alice", "bob");
    assertThat(second.items()).extracting(UserSummary::userId).containsExactly("carol");
    assertThat(second.items().get(0).traceCount()).isEqualTo(1);
    assertThat(second.nextCursor()).isNull();
  }
}
