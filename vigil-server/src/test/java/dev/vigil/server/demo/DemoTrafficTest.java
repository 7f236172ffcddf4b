package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final DemoTraffic.Settings FAST =
      new DemoTraffic.Settings(1, Duration.ofHours(1), 20, 5, 100, Duration.ofMillis(20));

  private record Received(String method, String path, String auth, String contentType, byte[] body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger answered = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  /** The first request is throttled with Retry-After: 0; the rest are acknowledged. */
  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    if (answered.getAndIncrement() == 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      exchange.sendResponseHeaders(429, -1);
    } else {
      byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
    }
    exchange.close();
  }

  @Test
  void backfillsThenSendsLiveOtlpWithTheBearerKey() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    List<Received> got = new ArrayList<>();
    List<Received> signals = new ArrayList<>();
    try (DemoTraffic traffic = DemoTraffic.start(base, "demo-key", Clock.fixed(NOW, ZoneOffset.UTC), FAST)) {
      // 1 throttled + 4 backfill batches of 5 traces + at least 3 live requests; the changes after the backfill
      while (got.size() < 8 || signals.isEmpty()) {
        Received r = received.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("request %d arrived", got.size() + signals.size() + 1).isNotNull();
        (r.path().equals("/api/v1/ingest") ? signals : got).add(r);
      }
      assertThat(traffic.tracesSent()).isGreaterThanOrEqualTo(20);
    }
    assertThat(got.get(1).body()).as("the throttled request is retried as is").isEqualTo(got.get(0).body());
    for (Received r : got) {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/traces");
      assertThat(r.auth()).isEqualTo("Bearer demo-key");
      assertThat(r.contentType()).isEqualTo("application/x-protobuf");
      assertThat(ExportTraceServiceRequest.parseFrom(r.body()).getResourceSpansCount()).isPositive();
    }
    JsonNode changes = new ObjectMapper().readTree(signals.get(0).body()).get("items");
    assertThat(signals.get(0).auth()).isEqualTo("Bearer demo-key");
    assertThat(signals.get(0).contentType()).isEqualTo("application/json");
    assertThat(changes.findValuesAsText("type")).containsOnly("change");
    assertThat(changes.findValuesAsText("change_type")).contains("deployment", "prompt_version");
    long hourAgo = NOW.minus(Duration.ofHours(1)).getEpochSecond() * 1_000_000_000L;
    for (int i = 1; i <= 4; i++) {
      ExportTraceServiceRequest batch = ExportTraceServiceRequest.parseFrom(got.get(i).body());
      assertThat(batch.getResourceSpansCount()).isEqualTo(5);
      for (ResourceSpans rs : batch.getResourceSpansList()) {
        for (Span s : Traces.spans(rs)) assertThat(s.getEndTimeUnixNano()).isGreaterThanOrEqualTo(hourAgo);
      }
    }
  }

  @Test
  void closeStopsTheThreadEvenWhenNoServerListens() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    DemoTraffic traffic = DemoTraffic.start(URI.create("http://127.0.0.1:" + port + "/"), "k",
        Clock.systemUTC(), FAST);
    traffic.close();
    assertThat(traffic.running()).isFalse();
    assertThat(traffic.tracesSent()).isZero();
  }
}
