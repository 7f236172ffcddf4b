package dev.vigil.server.scoring.judge;

import dev.vigil.model.Content;
import dev.vigil.model.Document;
import dev.vigil.model.Message;
import dev.vigil.server.TestClock;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Evaluators;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.eval.TestSubjects;
import dev.vigil.server.scoring.scorecard.ScorecardParser;
import dev.vigil.storage.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real storage, a test clock, two stub providers ("cheap" and "strong") and judges configured on them. */
final class JudgeFixture implements AutoCloseable {
  final Path dir;
  final OpenAiStub cheap;
  final OpenAiStub strong;
  final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  DuckDbStorage storage;
  long project;
  int cheapTimeoutMs = 5_000;
  double budgetUsd = 10;

  JudgeFixture(Path dir) throws Exception {
    this.dir = dir;
    this.cheap = new OpenAiStub();
    this.strong = new OpenAiStub();
    this.storage = DuckDbStorage.builder(dir).threads(1).recentSpanKeys(10_000).build();
    this.project = storage.projectStore().createProject("p", null).id();
  }

  /** $0.15 / $0.60 per million tokens, like a small hosted model; the strong judge ten times that. */
  JudgePanel panel() {
    Map<String, JudgeSettings> judges = new LinkedHashMap<>();
    judges.put("cheap", new JudgeSettings("cheap", cheap.baseUrl(), "cheap-model", "sk-test-cheap", 0.15, 0.60,
        Duration.ofMillis(cheapTimeoutMs), 200));
    judges.put("strong", new JudgeSettings("strong", strong.baseUrl(), "strong-model", null, 1.5, 6.0, Duration.ofSeconds(5), 200));
    return new JudgePanel(judges, budgetUsd, storage.judgeSpendStore(), metrics, clock);
  }

  /** The first metric of a scorecard with {@code metricYaml} (indented as a list item), for this project. */
  Evaluator metric(JudgePanel panel, String metricYaml) {
    return parser(panel).parse("name: q\nfeature: support-chat\nmetrics:\n" + metricYaml, "test.yaml", "test")
        .metrics().get(0).evaluator().forProject(project);
  }

  static ScorecardParser parser(JudgePanel panel) {
    return new ScorecardParser(new Evaluators("US", Map.of("llm_judge", panel::evaluator)));
  }

  static Subject subject(String question, String answer, String... documents) {
    List<Document> docs = new java.util.ArrayList<>();
    for (int i = 0; i < documents.length; i++) docs.add(new Document("d" + i, documents[i], 0.9, null));
    return Subject.ofCall(TestSubjects.call(question, answer).content(new Content(List.of(Message.of("user", question)),
        List.of(Message.of("assistant", answer)), docs, null, null)).build());
  }

  void reopen() {
    storage.close();
    storage = DuckDbStorage.builder(dir).threads(1).recentSpanKeys(10_000).build();
  }

  @Override
  public void close() {
    cheap.close();
    strong.close();
    storage.close();
  }
}
