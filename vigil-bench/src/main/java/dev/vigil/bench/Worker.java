package dev.vigil.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client thread: sends pooled batches back to back until the deadline, each with ids made
 * unique by a global send counter. Honours 429/503 Retry-After (1 s when absent) and backs off
 * briefly on connection errors so a dead server is not spun on.
 */
final class Worker implements Runnable {
  private final HttpClient client;
  private final HttpRequest.Builder template;
  private final Payload[] pool;
  private final AtomicLong sends;
  private final long measureFromNanos;
  private final long deadlineNanos;
  final Results results = new Results();

  /** Requests that start before {@code measureFromNanos} are warm-up: sent, not counted. */
  Worker(HttpClient client, HttpRequest.Builder template, Payload[] pool, AtomicLong sends, long measureFromNanos,
      long deadlineNanos) {
    this.client = client;
    this.template = template;
    this.pool = pool;
    this.sends = sends;
    this.measureFromNanos = measureFromNanos;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void run() {
    int max = 0;
    for (Payload p : pool) max = Math.max(max, p.body().length);
    byte[] scratch = new byte[max];
    Results warmup = new Results();
    try {
      while (System.nanoTime() < deadlineNanos) {
        Results results = System.nanoTime() < measureFromNanos ? warmup : this.results;
        long send = sends.incrementAndGet();
        Payload payload = pool[(int) (send % pool.length)];
        int length = payload.stamp(send, scratch);
        HttpRequest request = template.copy()
            .POST(HttpRequest.BodyPublishers.ofByteArray(scratch, 0, length)).build();
        results.requests++;
        long start = System.nanoTime();
        try {
          HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
          int status = response.statusCode();
          if (status / 100 == 2) {
            results.latency(System.nanoTime() - start);
            results.acked++;
            results.ackedSpans += payload.spans();
          } else if (status == 429 || status == 503) {
            results.throttled++;
            results.error(String.valueOf(status));
            pause(response.headers().firstValue("Retry-After").map(Worker::seconds).orElse(Duration.ofSeconds(1)));
          } else {
            results.error(String.valueOf(status));
          }
        } catch (IOException e) {
          results.error(e.getClass().getSimpleName());
          pause(Duration.ofMillis(200));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pause(Duration wait) throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    if (left > 0) Thread.sleep(Duration.ofNanos(Math.min(left, wait.toNanos())));
  }

  private static Duration seconds(String retryAfter) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
    } catch (NumberFormatException httpDate) {
      return Duration.ofSeconds(1);
    }
  }
}
