package dev.vigil.server.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts OTLP/protobuf the way an OTel exporter does (and the native JSON of feedback and changes
 * the same way): retries only 429/502/503/504 and network
 * errors, waits as long as Retry-After says (else backs off exponentially), and logs failures at
 * most once a minute so a demo against a stopped server does not flood the log.
 */
final class OtlpPoster {
  private static final Logger LOG = LoggerFactory.getLogger(OtlpPoster.class);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final HttpClient client;
  private final URI endpoint;
  private final String apiKey;
  private long lastLog = System.nanoTime() - LOG_EVERY_NANOS;
  private int unlogged;

  OtlpPoster(HttpClient client, URI baseUrl, String apiKey) {
    this.client = client;
    String base = baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces");
    this.apiKey = apiKey;
  }

  /** True once the server acknowledged; false after {@code attempts} tries or a non-retryable answer. */
  boolean post(ExportTraceServiceRequest request, int attempts) throws InterruptedException {
    return send(HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-protobuf")
        .header("Authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
        .build(), attempts);
  }

  /** Posts a native JSON body (feedback, change events) to {@code path} with the same retry rules. */
  boolean postJson(String path, String json, int attempts) throws InterruptedException {
    return send(HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build(), attempts);
  }

  private boolean send(HttpRequest http, int attempts) throws InterruptedException {
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Duration wait;
      try {
        HttpResponse<byte[]> response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 == 2) return true;
        if (status != 429 && status != 502 && status != 503 && status != 504) {
          failed(http.uri().getPath() + ": HTTP " + status + " " + describe(response));
          return false;
        }
        wait = retryAfter(response).orElse(backoff);
        failed(http.uri().getPath() + ": HTTP " + status + ", retrying in " + wait.toMillis() + " ms");
      } catch (IOException e) {
        wait = backoff;
        failed(http.uri().getPath() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (attempt < attempts) Thread.sleep(min(wait, MAX_WAIT).toMillis());
      backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(30));
    }
    return false;
  }

  /** Retry-After is either delta-seconds or an HTTP-date. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      String v = value.trim();
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
          return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException garbage) {
          return Optional.empty();
        }
      }
    });
  }

  private void failed(String what) {
    long now = System.nanoTime();
    if (now - lastLog < LOG_EVERY_NANOS) {
      unlogged++;
      return;
    }
    String more = unlogged == 0 ? "" : " (" + unlogged + " more failures since the last message)";
    LOG.warn("demo traffic to {} failed: {}{}", endpoint.resolve("/"), what, more);
    lastLog = now;
    unlogged = 0;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Text bodies are shown (abbreviated); a protobuf google.rpc.Status only by its size. */
  private static String describe(HttpResponse<byte[]> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    byte[] body = response.body();
    if (!type.contains("json") && !type.startsWith("text/")) return "(" + body.length + " bytes of " + type + ")";
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
