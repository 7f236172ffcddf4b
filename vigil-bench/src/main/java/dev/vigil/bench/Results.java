package dev.vigil.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** What one load thread saw; merged after the run. Latencies only of acknowledged (2xx) batches. */
final class Results {
  long ackedSpans;
  long requests;
  long acked;
  long throttled;
  final Map<String, Long> errors = new TreeMap<>();
  private long[] latencies = new long[1024];
  private int n;

  void latency(long nanos) {
    if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
    latencies[n++] = nanos;
  }

  void error(String what) {
    errors.merge(what, 1L, Long::sum);
  }

  static Results merge(Iterable<Results> all) {
    Results m = new Results();
    for (Results r : all) {
      m.ackedSpans += r.ackedSpans;
      m.requests += r.requests;
      m.acked += r.acked;
      m.throttled += r.throttled;
      r.errors.forEach((k, v) -> m.errors.merge(k, v, Long::sum));
      for (int i = 0; i < r.n; i++) m.latency(r.latencies[i]);
    }
    Arrays.sort(m.latencies, 0, m.n);
    return m;
  }

  /** Nearest-rank percentile in milliseconds of a merged (sorted) result; 0 when nothing was acknowledged. */
  double percentileMillis(double p) {
    if (n == 0) return 0;
    int rank = (int) Math.ceil(p / 100.0 * n);
    return latencies[Math.min(n - 1, Math.max(0, rank - 1))] / 1e6;
  }
}
