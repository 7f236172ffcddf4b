package dev.vigil.server.watch.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.watch.drift.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicComparisonTest {
  private static final String[] NAMES = {"billing", "shipping", "password"};

  /** Vectors of blobs on axes 0, 1, 2, with texts naming the blob, shuffled together. */
  private record Window(List<String> texts, List<float[]> vectors) {}

  private static Window window(long seed, int... perBlob) {
    Blobs b = new Blobs(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int blob = 0; blob < perBlob.length; blob++) {
      int n = 0;
      for (float[] v : b.around(blob, perBlob[blob], 0.2)) rows.add(new Object[] {NAMES[blob] + " question " + seed + "." + n++, v});
    }
    Collections.shuffle(rows, new Random(seed));
    return new Window(rows.stream().map(r -> (String) r[0]).toList(), rows.stream().map(r -> (float[]) r[1]).toList());
  }

  private static TopicReport compare(Window b, Window c) {
    return TopicComparison.clusters(b.texts(), b.vectors(), c.texts(), c.vectors(), 8, 11);
  }

  private static TopicReport.Topic topic(TopicReport r, String id) {
    return r.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + r));
  }

  @Test
  void aNewTopicIsDriftAndShowsUpAsOther() {
    TopicReport r = compare(window(1, 60, 60), window(2, 40, 40, 40));
    assertThat(r.method()).isEqualTo("clusters");
    assertThat(r.signal().signal()).isEqualTo("topic");
    assertThat(r.signal().verdict()).isEqualTo(Verdict.DRIFTED);
    assertThat(r.topics()).extracting(TopicReport.Topic::id).containsExactly("topic_1", "topic_2", "other");
    TopicReport.Topic other = topic(r, "other");
    assertThat(other.currentShare()).isGreaterThan(0.3);
    assertThat(other.baselineShare()).isLessThan(0.1);
    assertThat(other.example()).startsWith("password question");
    assertThat(r.topics().subList(0, 2)).extracting(TopicReport.Topic::label)
        .anySatisfy(l -> assertThat(l).startsWith("billing")).anySatisfy(l -> assertThat(l).startsWith("shipping"));
    assertThat(r.signal().tests()).extracting(t -> t.test()).containsExactly("chi_squared", "jensen_shannon");
    assertThat(r.signal().tests().get(0).pValue()).isLessThan(0.001);
    assertThat(r.signal().categories()).containsKeys("topic_1", "topic_2", "other");
  }

  @Test
  void shiftedSharesOfKnownTopicsAreDrift() {
    TopicReport r = compare(window(1, 60, 60), window(3, 90, 20));
    assertThat(r.signal().verdict()).isEqualTo(Verdict.DRIFTED);
    TopicReport.Topic billing = r.topics().stream().filter(t -> t.label().startsWith("billing")).findFirst().orElseThrow();
    assertThat(billing.currentShare()).isGreaterThan(billing.baselineShare() + 0.2);
    assertThat(topic(r, "other").currentShare()).isLessThan(0.15);
  }

  @Test
  void theSameMixIsStable() {
    TopicReport r = compare(window(1, 60, 60), window(4, 55, 65));
    assertThat(r.signal().verdict()).as(r.toString()).isEqualTo(Verdict.STABLE);
    assertThat(r.radius()).isPositive();
    assertThat(r.silhouette()).isGreaterThan(0.3);
    double shares = r.topics().stream().mapToDouble(TopicReport.Topic::currentShare).sum();
    assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(compare(window(1, 60, 60), window(4, 55, 65))).as("deterministic").usingRecursiveComparison().isEqualTo(r);
  }

  @Test
  void tooFewBaselineQuestionsHaveNoVerdict() {
    TopicReport r = compare(window(1, 10, 10), window(2, 40, 40));
    assertThat(r.signal().verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
    assertThat(r.note()).contains("fewer than 30");
  }

  @Test
  void explicitTopicsAreComparedAsCategories() {
    List<String> base = new ArrayList<>();
    List<String> now = new ArrayList<>();
    for (int i = 0; i < 100; i++) base.add(i % 2 == 0 ? "billing" : "shipping");
    for (int i = 0; i < 90; i++) now.add(i % 3 == 0 ? "billing" : i % 3 == 1 ? "shipping" : i % 9 == 2 ? null : "login");
    List<String> texts = Collections.nCopies(100, "Why was I charged twice?");
    TopicReport r = TopicComparison.explicit(base, texts, now, List.of());
    assertThat(r.method()).isEqualTo("explicit");
    assertThat(r.signal().verdict()).isEqualTo(Verdict.DRIFTED);
    Map<String, TopicReport.Topic> byId = r.topics().stream().collect(Collectors.toMap(TopicReport.Topic::id, t -> t));
    assertThat(byId).containsOnlyKeys("billing", "shipping", "login", TopicComparison.NONE);
    assertThat(byId.get("login").baselineShare()).isZero();
    assertThat(byId.get("login").currentShare()).isGreaterThan(0.2);
    assertThat(byId.get("billing").example()).isEqualTo("Why was I charged twice?");
    assertThat(byId.get("billing").baselineN()).isEqualTo(50);
  }

  @Test
  void labelsAreCutShort() {
    assertThat(TopicComparison.cut("  a   b\nc ", 10)).isEqualTo("a b c");
    assertThat(TopicComparison.cut("x".repeat(100), 60)).hasSize(60).endsWith("…");
  }
}
