package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When indexing falls behind, ingest answers 503 with Retry-After and stores nothing of the refused request. */
class ITLoadShedding {
  @TempDir
  Path dir;

  private static byte[] batch(String traceId, int spans) {
    var template = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L, "gpt-4o", "hi");
    var llm = template.getResourceSpans(0).getScopeSpans(0).getSpans(1);
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) scope.addSpans(llm.toBuilder().setSpanId(OtlpFixtures.bytes(randomHex(8))).clearParentSpanId());
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(template.getResourceSpans(0).toBuilder()
        .clearScopeSpans().addScopeSpans(scope)).build().toByteArray();
  }

  @Test
  void backlogIsShedWithRetryAfterAndNothingOfTheRefusedRequestIsStored() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TestServer vigil = new TestServer(dir, Map.of("VIGIL_STORAGE_MAX_PENDING_SPANS", "1000"), Clock.systemUTC())) {
      // a listener that blocks holds the indexer, so accepted spans pile up unindexed
      vigil.server.storage().addListener((project, spans) -> {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      String refusedTrace = null;
      HttpResponse<byte[]> refused = null;
      for (int i = 0; i < 10 && refused == null; i++) {
        String traceId = randomHex(16);
        var r = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", batch(traceId, 400));
        if (r.statusCode() == 503) {
          refused = r;
          refusedTrace = traceId;
        } else {
          assertThat(r.statusCode()).isEqualTo(200);
        }
      }
      assertThat(refused).as("a 503 once more than 1000 spans wait for the indexer").isNotNull();
      assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
      String scrape = vigil.get("/metrics", null).body();
      assertThat(scrape).contains("vigil_ingest_shed_requests_total{reason=\"storage\"} 1.0")
          .contains("vigil_ingest_shed_requests_total{reason=\"paced\"} 0.0")
          .contains("vigil_ingest_spans_total{result=\"shed\"} 400.0");

      release.countDown();
      vigil.flush();
      assertThat(vigil.get("/api/v1/traces/" + refusedTrace, TestServer.KEY).statusCode()).isEqualTo(404);
      String retried = randomHex(16);
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", batch(retried, 400)).statusCode())
          .isEqualTo(200);
    } finally {
      release.countDown();
    }
  }
}
