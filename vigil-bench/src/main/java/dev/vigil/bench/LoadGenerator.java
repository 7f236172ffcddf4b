package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Ingest load for Vigil (OTLP/protobuf on /v1/traces) or Zipkin (v2 JSON on /api/v2/spans) with the
 * same logical LLM spans. Every batch is encoded before the clock starts, so the client spends its
 * CPU on HTTP only; prints one JSON line and one human line.
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true,
    description = "Sends LLM spans to Vigil or Zipkin as fast as the server acknowledges them.")
public final class LoadGenerator implements Callable<Integer> {
  enum Target { vigil, zipkin }

  @Option(names = "--target", required = true, description = "vigil or zipkin") Target target;
  @Option(names = "--url", required = true, description = "base URL, e.g. http://127.0.0.1:4318") URI url;
  @Option(names = "--key", defaultValue = "", description = "Vigil API key (Bearer)") String key;
  @Option(names = "--threads", defaultValue = "1") int threads;
  @Option(names = "--seconds", defaultValue = "30", description = "measured time") int seconds;
  @Option(names = "--warmup", defaultValue = "0", description = "seconds of load before measuring (JIT warm-up)")
  int warmup;
  @Option(names = "--batch", defaultValue = "512", description = "spans per request") int batch;
  @Option(names = "--pool", defaultValue = "16", description = "distinct pre-encoded batches") int pool;
  @Option(names = "--server-pid", description = "report this process's VmRSS/VmHWM") Long serverPid;
  @Option(names = "--seed", defaultValue = "1") long seed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Payload[] payloads = payloads();
    long bytes = 0;
    for (Payload p : payloads) bytes += p.body().length;
    HttpRequest.Builder template = request();
    if (!preflight(template, payloads[0])) return 2;

    AtomicLong sends = new AtomicLong(1);
    long start = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
    long deadline = start + Duration.ofSeconds(seconds).toNanos();
    List<Worker> workers = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    List<HttpClient> clients = new ArrayList<>();
    try (RssSampler rss = serverPid == null ? null : new RssSampler(serverPid)) {
      for (int i = 0; i < threads; i++) {
        HttpClient client = client();
        clients.add(client);
        Worker w = new Worker(client, template, payloads, sends, start, deadline);
        workers.add(w);
        running.add(Thread.ofPlatform().name("load-" + i).start(w));
      }
      for (Thread t : running) t.join();
      double elapsed = (System.nanoTime() - start) / 1e9;
      Results r = Results.merge(workers.stream().map(w -> w.results).toList());
      report(r, elapsed, bytes / (double) (payloads.length * (long) batch), rss);
    } finally {
      clients.forEach(HttpClient::close);
    }
    return 0;
  }

  private Payload[] payloads() {
    SpanFactory factory = new SpanFactory(seed);
    long now = System.currentTimeMillis() * 1_000_000L;
    Payload[] payloads = new Payload[pool];
    for (int i = 0; i < pool; i++) {
      List<BenchSpan> spans = factory.batch(batch, now);
      payloads[i] = target == Target.vigil ? OtlpEncoder.encode(spans) : ZipkinEncoder.encode(spans);
    }
    return payloads;
  }

  private HttpRequest.Builder request() {
    String base = url.toString().replaceAll("/+$", "");
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60));
    if (target == Target.vigil) {
      b.uri(URI.create(base + "/v1/traces")).header("Content-Type", "application/x-protobuf");
      if (!key.isEmpty()) b.header("Authorization", "Bearer " + key);
    } else {
      b.uri(URI.create(base + "/api/v2/spans")).header("Content-Type", "application/json");
    }
    return b;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** One send before timing: fails fast on a wrong URL or key instead of timing 30 s of errors. */
  private boolean preflight(HttpRequest.Builder template, Payload payload) throws Exception {
    byte[] scratch = new byte[payload.body().length];
    int length = payload.stamp(Long.MAX_VALUE, scratch);
    try (HttpClient client = client()) {
      HttpResponse<String> response = client.send(
          template.copy().POST(HttpRequest.BodyPublishers.ofByteArray(scratch, 0, length)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) return true;
      System.err.println("preflight: HTTP " + response.statusCode() + " " + response.body());
      return false;
    }
  }

  private void report(Results r, double elapsed, double bytesPerSpan, RssSampler rss) throws Exception {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", target.name());
    json.put("threads", threads);
    json.put("seconds", Math.round(elapsed * 100) / 100.0);
    json.put("warmupSeconds", warmup);
    json.put("batch", batch);
    json.put("bytesPerSpan", Math.round(bytesPerSpan));
    json.put("spansPerSec", Math.round(r.ackedSpans / elapsed));
    json.put("spansAcked", r.ackedSpans);
    json.put("requests", r.requests);
    json.put("acked", r.acked);
    json.put("throttled", r.throttled);
    json.put("errors", r.errors);
    json.put("p50Ms", round(r.percentileMillis(50)));
    json.put("p99Ms", round(r.percentileMillis(99)));
    json.put("maxMs", round(r.percentileMillis(100)));
    if (rss != null) {
      json.put("rssPeakMb", rss.peakKb() / 1024);
      json.put("rssHwmMb", rss.hwmKb() / 1024);
    }
    System.out.println(new ObjectMapper().writeValueAsString(json));
    System.out.println(String.format(Locale.ROOT,
        "%s, %d thread(s), %.0f s: %,d spans/s acknowledged (%,d requests, %d throttled, errors %s), "
            + "batch p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
        target, threads, elapsed, Math.round(r.ackedSpans / elapsed), r.requests, r.throttled,
        r.errors, r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(100),
        rss == null ? "" : String.format(Locale.ROOT, ", server RSS peak %,d MB (VmHWM %,d MB)",
            rss.peakKb() / 1024, rss.hwmKb() / 1024)));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
