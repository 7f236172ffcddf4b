package dev.vigil.server.scoring;

import static dev.vigil.server.scoring.ScoringItSupport.awaitCaughtUp;
import static dev.vigil.server.scoring.ScoringItSupport.chat;
import static dev.vigil.server.scoring.ScoringItSupport.count;
import static dev.vigil.server.scoring.ScoringItSupport.get;
import static dev.vigil.server.scoring.ScoringItSupport.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.TestServer;
import dev.vigil.server.scoring.sampling.TraceHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending scoring work survives a restart: spans stored while scoring is paused, and spans still
 * being scored when the server stops, are all scored after it starts again — each sampled call
 * exactly once, and exactly the calls the trace-id hash selects.
 */
class ITScoringRestart {
  static final String SCORECARD = """
      name: half
      feature: support-chat
      sampling:
        rate: 0.5
      metrics:
        - name: no_advice
          type: policy
          deny: [diagnose]
        - name: short
          type: length
          max: 500
      """;

  @TempDir
  Path dir;

  @Test
  void everySampledCallIsScoredExactlyOnceAcrossRestarts() throws Exception {
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("half.yaml"), SCORECARD);
    Path data = dir.resolve("data");
    Map<String, String> env = new HashMap<>(Map.of("VIGIL_SCORING_SCORECARDS_DIR", cards.toString()));
    Set<String> traces = new HashSet<>();

    env.put("VIGIL_SCORING_ENABLED", "false"); // paused: everything sent now is pending at the stop
    try (TestServer paused = new TestServer(data, env, Clock.systemUTC())) {
      for (int i = 0; i < 150; i++) traces.add(chat(paused, "question " + i, "answer " + i));
      paused.flush();
      JsonNode status = get(paused, "/api/v1/scoring/status");
      assertThat(status.get("enabled").asBoolean()).isFalse();
      assertThat(status.get("backlog_spans").asLong()).isEqualTo(300);
      assertThat(count(paused, "SELECT count(*) FROM scores")).isZero();
    }

    env.put("VIGIL_SCORING_ENABLED", "true");
    try (TestServer busy = new TestServer(data, env, Clock.systemUTC())) {
      for (int i = 0; i < 150; i++) traces.add(chat(busy, "more " + i, "answer " + i));
      busy.flush(); // stopped right away: scoring is likely mid-way through the backlog
    }

    try (TestServer again = new TestServer(data, env, Clock.systemUTC())) {
      awaitCaughtUp(again);
      Set<String> expected = traces.stream().filter(t -> TraceHash.unit("half", t) < 0.5).collect(Collectors.toSet());
      assertThat(expected.size()).isBetween(100, 200); // 300 traces at 50 %

      JsonNode rows = sql(again, "SELECT trace_id, count(*), count(DISTINCT name) FROM scores GROUP BY trace_id");
      Map<String, List<Long>> byTrace = new HashMap<>();
      for (JsonNode r : rows) byTrace.put(r.get(0).asText(), List.of(r.get(1).asLong(), r.get(2).asLong()));
      assertThat(byTrace.keySet()).isEqualTo(expected);
      assertThat(byTrace.values()).allSatisfy(c -> assertThat(c).containsExactly(2L, 2L)); // no duplicates
      assertThat(get(again, "/api/v1/scoring/status").get("dead_letters").asLong()).isZero();
    }
  }
}
