package dev.vigil.bench;

import dev.vigil.model.Span;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.OverCapacityException;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSort;
import dev.vigil.storage.TraceSummary;
import dev.vigil.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Dashboard-type queries at scale. Loads {@code spans} synthetic spans over the 7 days before a fixed
 * instant into a data directory (once; later runs reuse it), then times each query: median of 7 runs
 * after 2 warm-up runs, through the storage interface the API uses.
 * <pre>java -cp 'vigil-bench/target/vigil-bench.jar:vigil-bench/target/lib/*' dev.vigil.bench.QueryBenchmark DIR 10000000</pre>
 */
public final class QueryBenchmark {
  static final long NOW = 1_795_428_000_000_000_000L; // 2026-11-23T10:00:00Z
  static final long DAY = 86_400_000_000_000L;
  static final long LATE = 300_000_000_000L; // how late a span may arrive: five minutes

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long target = Long.parseLong(args[1]);
    try (DuckDbStorage storage = BenchStorage.builder(dir).build()) {
      long project = storage.projectStore().listProjects().isEmpty()
          ? storage.projectStore().createProject("bench", null).id()
          : storage.projectStore().listProjects().get(0).id();
      load(storage, project, target);
      run(storage, project);
    }
  }

  static void load(DuckDbStorage storage, long project, long target) throws Exception {
    long have = (Long) storage.sqlConsole().query(project, "SELECT count(*) FROM spans", 1, Duration.ofMinutes(5))
        .rows().get(0).get(0);
    if (have >= target) {
      System.out.printf("store holds %,d spans%n", have);
      return;
    }
    int batches = (int) ((target - have) / 512) + 1;
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int seed = t;
      futures.add(pool.submit(() -> {
        SyntheticSpans gen = new SyntheticSpans(have + seed, NOW - 7 * DAY, NOW);
        int i;
        while ((i = next.getAndIncrement()) < batches) {
          // batch i covers the i-th slice of the week plus five minutes of late arrivals
          long from = NOW - 7 * DAY + (long) ((double) i / batches * 7 * DAY);
          long to = NOW - 7 * DAY + (long) ((double) (i + 1) / batches * 7 * DAY);
          List<Span> batch = gen.batch(512, Math.max(NOW - 7 * DAY, from - LATE), to);
          acceptWithRetry(storage, project, batch);
          if (i % 2000 == 0) System.out.printf("loaded %,d of %,d batches%n", i, batches);
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow(); // a failed load must not leave loader threads keeping the JVM alive
    }
    storage.flush();
    System.out.printf("loaded %,d spans in %.0f s%n", (long) batches * 512, (System.nanoTime() - t0) / 1e9);
  }

  /** Waits out load shedding, as a client honouring Retry-After would. */
  private static void acceptWithRetry(DuckDbStorage storage, long project, List<Span> batch) throws InterruptedException {
    while (true) {
      try {
        storage.spanConsumer().accept(project, batch, List.of());
        return;
      } catch (OverCapacityException e) {
        Thread.sleep(e.retryAfter().toMillis() / 4);
      }
    }
  }

  static void run(DuckDbStorage storage, long project) {
    SpanFilter day = SpanFilter.between(NOW - DAY, NOW);
    SpanFilter week = SpanFilter.between(NOW - 7 * DAY, NOW);
    SpanFilter supportErrors = new SpanFilter(NOW - DAY, NOW, Map.of(Dimension.FEATURE, List.of("support-chat")),
        List.of(), true, null, null, null, null, null, null, null);
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    queries.put("metrics 24h, 5m buckets (volume, errors, p50/p95/p99, tokens, cost)", () -> storage.metricStore().query(project,
        new MetricQuery(day, MetricScope.LLM_CALLS, Duration.ofMinutes(5), List.of(), null, 10)));
    queries.put("metrics 24h, 1h buckets by model", () -> storage.metricStore().query(project,
        new MetricQuery(day, MetricScope.LLM_CALLS, Duration.ofHours(1), List.of(Dimension.MODEL), MetricOrder.COUNT, 10)));
    queries.put("metrics 7d, 1d buckets by feature", () -> storage.metricStore().query(project,
        new MetricQuery(week, MetricScope.LLM_CALLS, Duration.ofDays(1), List.of(Dimension.FEATURE), MetricOrder.COUNT, 20)));
    queries.put("top 20 users by cost, 24h", () -> storage.metricStore().query(project,
        new MetricQuery(day, MetricScope.LLM_CALLS, null, List.of(Dimension.USER), MetricOrder.COST, 20)));
    queries.put("top 20 users by cost, 7d", () -> storage.metricStore().query(project,
        new MetricQuery(week, MetricScope.LLM_CALLS, null, List.of(Dimension.USER), MetricOrder.COST, 20)));
    queries.put("cost by model and feature, 7d", () -> storage.metricStore().query(project,
        new MetricQuery(week, MetricScope.LLM_CALLS, null, List.of(Dimension.MODEL, Dimension.FEATURE), MetricOrder.COST, 50)));
    queries.put("newest 50 traces, 24h", () -> storage.spanStore().findTraces(project, new TraceQuery(day, TraceSort.NEWEST, null, 50)));
    queries.put("newest 50 support-chat traces with errors, 24h", () -> storage.spanStore().findTraces(project,
        new TraceQuery(supportErrors, TraceSort.NEWEST, null, 50)));
    queries.put("50 slowest traces, 24h", () -> storage.spanStore().findTraces(project, new TraceQuery(day, TraceSort.SLOWEST, null, 50)));
    queries.put("50 costliest traces, 24h", () -> storage.spanStore().findTraces(project, new TraceQuery(day, TraceSort.COSTLIEST, null, 50)));
    queries.put("sessions, 24h, first page", () -> storage.spanStore().findSessions(project, day, null, 50));
    queries.put("users by cost, 24h, first page", () -> storage.spanStore().findUsers(project, day, null, 50));
    String traceId = storage.spanStore().findTraces(project, new TraceQuery(day, TraceSort.NEWEST, null, 1))
        .items().stream().map(TraceSummary::traceId).findFirst().orElseThrow();
    queries.put("one trace with content", () -> storage.spanStore().getTrace(project, traceId));
    queries.put("SQL: calls and cost by model, 7d", () -> storage.sqlConsole().query(project,
        "SELECT model, count(*), sum(cost) FROM spans WHERE model IS NOT NULL GROUP BY model ORDER BY 3 DESC",
        100, Duration.ofSeconds(30)));

    System.out.println();
    System.out.println("| query | median ms | p90 ms |");
    System.out.println("|---|---|---|");
    for (var e : queries.entrySet()) {
      for (int i = 0; i < 2; i++) e.getValue().get();
      double[] ms = new double[7];
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        e.getValue().get();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf("| %s | %.0f | %.0f |%n", e.getKey(), ms[3], ms[6]);
    }
  }
}
