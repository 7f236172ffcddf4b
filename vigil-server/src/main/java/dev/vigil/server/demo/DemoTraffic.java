package dev.vigil.server.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live demo traffic for `vigil demo`: a daemon thread that first backfills a few hours of history
 * and then sends a few traces a second, as OTLP/protobuf to {@code <baseUrl>/v1/traces}, with the
 * users' feedback and the changes behind the traffic through {@code /api/v1/ingest}. It never
 * throws at its caller and never stops on its own: failures are logged at most once a minute.
 */
public final class DemoTraffic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

  /** How much history, how fast, and from which seed. */
  record Settings(long seed, Duration backfill, int backfillTraces, int tracesPerRequest,
      double tracesPerSecond, Duration tick) {
    static final Settings DEFAULT = new Settings(20261122L, Duration.ofHours(6), 3000, 50, 3.0, Duration.ofSeconds(1));
  }

  private static final int MAX_ITEMS = 1000;

  private final Thread thread;
  private final HttpClient client;
  private final AtomicLong tracesSent = new AtomicLong();
  private volatile boolean stopped;

  private DemoTraffic(URI baseUrl, String apiKey, Clock clock, Settings settings) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    OtlpPoster poster = new OtlpPoster(client, baseUrl, apiKey);
    this.thread = Thread.ofPlatform().daemon().name("vigil-demo-traffic")
        .unstarted(() -> run(poster, new TrafficModel(settings.seed(), clock), settings));
  }

  /** Starts sending at once; {@link #close()} stops it. */
  public static DemoTraffic start(URI baseUrl, String apiKey, Clock clock) {
    return start(baseUrl, apiKey, clock, Settings.DEFAULT);
  }

  static DemoTraffic start(URI baseUrl, String apiKey, Clock clock, Settings settings) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(clock, "clock");
    DemoTraffic traffic = new DemoTraffic(baseUrl, apiKey, clock, settings);
    traffic.thread.start();
    return traffic;
  }

  /**
   * Sends {@code traces} traces of demo history spread over the last {@code window}, and returns
   * how many the server acknowledged; blocks until done. For tests and screenshots that need data
   * without live traffic.
   */
  public static int backfill(URI baseUrl, String apiKey, Clock clock, Duration window, int traces)
      throws InterruptedException {
    Settings s = Settings.DEFAULT;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      OtlpPoster poster = new OtlpPoster(client, baseUrl, apiKey);
      TrafficModel model = new TrafficModel(s.seed(), clock);
      List<ExportTraceServiceRequest> history = model.history(window, traces);
      int sent = 0;
      for (int i = 0; i < history.size(); i += s.tracesPerRequest()) {
        List<ExportTraceServiceRequest> chunk = history.subList(i, Math.min(history.size(), i + s.tracesPerRequest()));
        if (poster.post(merge(chunk), 10)) sent += chunk.size();
      }
      sendSignals(poster, model.changes(), 10);
      sendSignals(poster, model.drainFeedback(), 10);
      return sent;
    } finally {
      client.shutdownNow();
    }
  }

  /** Traces the server has acknowledged so far. */
  long tracesSent() {
    return tracesSent.get();
  }

  boolean running() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.shutdownNow();
  }

  private void run(OtlpPoster poster, TrafficModel model, Settings settings) {
    try {
      List<ExportTraceServiceRequest> history = model.history(settings.backfill(), settings.backfillTraces());
      LOG.info("demo traffic: backfilling {} traces over the last {}", history.size(), settings.backfill());
      for (int i = 0; i < history.size() && !stopped; i += settings.tracesPerRequest()) {
        send(poster, history.subList(i, Math.min(history.size(), i + settings.tracesPerRequest())), 10);
      }
      sendSignals(poster, model.changes(), 10);
      sendSignals(poster, model.drainFeedback(), 10);
      LOG.info("demo traffic: live, about {} traces a second", settings.tracesPerSecond());
      SplittableRandom arrivals = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
      double perTick = settings.tracesPerSecond() * settings.tick().toNanos() / 1e9;
      while (!stopped) {
        int n = poisson(arrivals, perTick);
        if (n > 0) {
          send(poster, model.tick(n), 3);
          sendSignals(poster, model.drainFeedback(), 3);
        }
        Thread.sleep(settings.tick());
      }
    } catch (InterruptedException e) {
      // close() interrupts: nothing to clean up
    } catch (RuntimeException e) {
      // A bug in the model must not take the server down: the demo just stops.
      LOG.error("demo traffic stopped by an unexpected error", e);
    }
  }

  private void send(OtlpPoster poster, List<ExportTraceServiceRequest> traces, int attempts)
      throws InterruptedException {
    if (poster.post(merge(traces), attempts)) tracesSent.addAndGet(traces.size());
  }

  /** Feedback and change items through the native ingest API, at most its 1,000 items a request. */
  private static void sendSignals(OtlpPoster poster, List<Map<String, Object>> items, int attempts)
      throws InterruptedException {
    for (int i = 0; i < items.size(); i += MAX_ITEMS) {
      poster.postJson("/api/v1/ingest", Json.write(Json.obj("items", items.subList(i, Math.min(items.size(), i + MAX_ITEMS)))), attempts);
    }
  }

  /** Several traces in one OTLP request, as an exporter batches them. */
  private static ExportTraceServiceRequest merge(List<ExportTraceServiceRequest> traces) {
    ExportTraceServiceRequest.Builder merged = ExportTraceServiceRequest.newBuilder();
    for (ExportTraceServiceRequest r : traces) merged.addAllResourceSpans(r.getResourceSpansList());
    return merged.build();
  }

  private static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int n = 0;
    while (p > limit) {
      p *= random.nextDouble();
      n++;
    }
    return n;
  }
}
