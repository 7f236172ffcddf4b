package dev.vigil.server.scoring;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static dev.vigil.server.scoring.ScoringItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import dev.vigil.server.scoring.judge.OpenAiStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scoring.max_lag_seconds} on the real server: a judge that answers slowly makes scoring lag
 * while spans keep arriving over OTLP; with the machine's CPU made busy (spinning threads), ingest
 * is paced and every request still succeeds; once the CPU has room again pacing stops, because the
 * lag is then the judge's, not a lack of CPU.
 */
class ITIngestPacing {
  static final String SCORECARD = """
      name: support-judged
      feature: support-chat
      metrics:
        - name: helpful
          type: llm_judge
          judge: slow
          scale: [1, 5]
          rubric: |
            Rate how helpful the answer is from 1 to 5.
            Question: {{question}}
            Answer: {{answer}}
      """;

  @TempDir
  Path dir;
  OpenAiStub provider;
  TestServer vigil;

  @BeforeEach
  void start() throws Exception {
    OpenAiStub.Answer reply = OpenAiStub.completion("{\"score\": 4, \"reason\": \"Fine.\"}", 100, 10);
    provider = new OpenAiStub().always(new OpenAiStub.Answer(reply.status(), reply.headers(), reply.body(), 2500));
    Path cards = Files.createDirectories(dir.resolve("scorecards"));
    Files.writeString(cards.resolve("judged.yaml"), SCORECARD);
    vigil = new TestServer(dir.resolve("data"), Map.of(
        "VIGIL_SCORING_SCORECARDS_DIR", cards.toString(),
        "VIGIL_SCORING_MAX_LAG_SECONDS", "1",
        "VIGIL_SCORING_EVALUATOR_TIMEOUT_MS", "30000",
        "VIGIL_SCORING_JUDGES_SLOW_BASE_URL", provider.baseUrl(),
        "VIGIL_SCORING_JUDGES_SLOW_MODEL", "judge-mini"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    vigil.close();
    provider.close();
  }

  @Test
  void aLaggingScorerOnABusyMachinePacesIngestUntilTheCpuHasRoomAgain() throws Exception {
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    List<String> refused = new CopyOnWriteArrayList<>();
    Thread sender = Thread.ofPlatform().name("it-sender").start(() -> {
      while (sending.get()) {
        var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
            "gpt-4o", "Where is my parcel?", "It ships today.");
        var r = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());
        if (r.statusCode() != 200) refused.add(r.statusCode() + " " + new String(r.body()));
        sent.incrementAndGet();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try {
      await("scoring lags past the bound", () -> metric("vigil_scoring_lag_seconds") > 1);
      try (Spinners busy = new Spinners(Runtime.getRuntime().availableProcessors() + 1)) {
        await("ingest paced", () -> metric("vigil_ingest_paced") == 1.0);
        int before = sent.get();
        await("requests keep arriving while paced", () -> sent.get() >= before + 3);
        assertThat(metric("vigil_ingest_paced_requests_total")).isPositive();
      }
      await("pacing stops once the CPU has room: the lag is the judge's", () -> metric("vigil_ingest_paced") == 0.0);
      assertThat(metric("vigil_scoring_lag_seconds")).as("still lagging: it was the CPU that ended it").isGreaterThan(0.5);
    } finally {
      sending.set(false);
      sender.join();
    }
    assertThat(refused).as("paced requests wait their turn; none is refused").isEmpty();
  }

  private double metric(String name) {
    for (String line : vigil.get("/metrics", null).body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    throw new AssertionError("no metric " + name);
  }

  /** Threads that keep every core busy until closed. */
  private static final class Spinners implements AutoCloseable {
    private final AtomicBoolean spinning = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    Spinners(int n) {
      for (int i = 0; i < n; i++) {
        threads.add(Thread.ofPlatform().daemon().name("it-spinner-" + i).start(() -> {
          long x = 0;
          while (spinning.get()) x += System.nanoTime() & 1;
          if (x == 42) System.out.print(""); // keeps the loop from being optimized away
        }));
      }
    }

    @Override
    public void close() throws InterruptedException {
      spinning.set(false);
      for (Thread t : threads) t.join();
    }
  }
}
