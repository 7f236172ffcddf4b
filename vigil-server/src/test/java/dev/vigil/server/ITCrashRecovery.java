package dev.vigil.server;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: the real server runs as its own process under sustained ingest, is
 * killed with SIGKILL mid-stream, restarted on the same data directory, and every span id it ever
 * acknowledged must be found.
 */
class ITCrashRecovery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SPANS_PER_REQUEST = 40;

  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedSpanSurvivesKillMinus9() throws Exception {
    Path data = dir.resolve("data");
    int port = freePort();
    Process first = startServer(data, port, dir.resolve("first.log"));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failures = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      awaitHealthy(client, port, first);
      for (int t = 0; t < 4; t++) {
        senders.submit(() -> {
          while (running.get()) {
            List<String> ids = new ArrayList<>();
            byte[] body = batch(ids);
            try {
              HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                  .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/x-protobuf")
                  .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                  HttpResponse.BodyHandlers.discarding());
              if (r.statusCode() == 200) acknowledged.addAll(ids);
            } catch (IOException e) {
              failures.incrementAndGet(); // the server is gone mid-request: nothing was acknowledged
            } catch (InterruptedException e) {
              return;
            }
          }
        });
      }
      while (acknowledged.size() < 20_000) Thread.sleep(50); // sustained load, well past startup
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      first.waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(300); // let in-flight requests fail against the dead server
      running.set(false);
      senders.shutdown();
      senders.awaitTermination(30, TimeUnit.SECONDS);
    } finally {
      first.destroyForcibly();
    }
    assertThat(failures.get()).as("requests were in flight when the server died").isPositive();

    Process second = startServer(data, port, dir.resolve("second.log"));
    try {
      awaitHealthy(client, port, second);
      Set<String> stored = storedSpanIds(client, port, acknowledged.size());
      Set<String> missing = new HashSet<>(acknowledged);
      missing.removeAll(stored);
      assertThat(missing).as("acknowledged spans lost (of %d acknowledged)", acknowledged.size()).isEmpty();
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static byte[] batch(List<String> ids) {
    long now = System.currentTimeMillis() * 1_000_000L;
    ExportTraceServiceRequest template = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), now, "gpt-4o", "hello");
    var llm = template.getResourceSpans(0).getScopeSpans(0).getSpans(1);
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < SPANS_PER_REQUEST; i++) {
      String spanId = randomHex(8);
      ids.add(spanId);
      scope.addSpans(llm.toBuilder().setTraceId(OtlpFixtures.bytes(randomHex(16))).clearParentSpanId()
          .setSpanId(OtlpFixtures.bytes(spanId)));
    }
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(template.getResourceSpans(0).getResource()).addScopeSpans(scope)).build().toByteArray();
  }

  /** Waits until the restarted server has re-indexed at least {@code expected} spans, then reads their ids. */
  private static Set<String> storedSpanIds(HttpClient client, int port, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      long count = sql(client, port, "SELECT count(*) FROM spans").get("rows").get(0).get(0).asLong();
      if (count >= expected || System.nanoTime() > deadline) break;
      Thread.sleep(200);
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode row : sql(client, port, "SELECT span_id FROM spans").get("rows")) ids.add(row.get(0).asText());
    return ids;
  }

  private static JsonNode sql(HttpClient client, int port, String query) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sql"))
        .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("query", query)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static Process startServer(Path data, int port, Path log) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
        "-cp", target.resolve("vigil-server.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*",
        "dev.vigil.server.Main", "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--data-dir", data.toString());
    pb.environment().put("VIGIL_INIT_API_KEY", TestServer.KEY);
    pb.environment().put("VIGIL_SQL_MAX_ROWS", "1000000");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private static void awaitHealthy(HttpClient client, int port, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("server exited with " + process.exitValue());
      try {
        var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server did not become healthy");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

}
