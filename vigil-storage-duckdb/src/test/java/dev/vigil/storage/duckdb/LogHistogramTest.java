package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LogHistogramTest {
  @Test
  void everyValueIsReportedWithinTheRelativeError() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long v = (long) Math.exp(random.nextDouble(0, 40));
      double reported = LogHistogram.value(LogHistogram.index(v));
      assertThat(Math.abs(reported - v)).isLessThanOrEqualTo(LogHistogram.RELATIVE_ERROR * v * (1 + 1e-12));
    }
    assertThat(LogHistogram.value(LogHistogram.index(0))).isZero();
    assertThat(LogHistogram.RELATIVE_ERROR).isLessThan(0.02);
  }

  @Test
  void mergedPartsGiveInterpolatedPercentilesWithinTheBound() {
    SplittableRandom random = new SplittableRandom(11);
    long[] values = new long[5001];
    LogHistogram[] parts = {new LogHistogram(), new LogHistogram(), new LogHistogram()};
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) (3e8 * Math.exp(random.nextGaussian()));
      parts[i % 3].add(values[i]);
    }
    TreeMap<Integer, Long> merged = new TreeMap<>(); // what the query does with the lists in SQL
    for (LogHistogram p : parts) {
      long[] idx = parse(p.indexesText());
      long[] cnt = parse(p.countsText());
      assertThat(idx).isSorted();
      for (int k = 0; k < idx.length; k++) merged.merge((int) idx[k], cnt[k], Long::sum);
    }
    int[] idx = merged.keySet().stream().mapToInt(Integer::intValue).toArray();
    long[] cnt = merged.values().stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    for (double q : new double[] {0, 0.5, 0.95, 0.99, 1}) {
      double rank = q * (values.length - 1);
      int lo = (int) Math.floor(rank);
      double exact = values[lo] + (rank - lo) * (values[(int) Math.ceil(rank)] - values[lo]);
      assertThat(Math.abs(LogHistogram.quantile(idx, cnt, q) - exact)).isLessThanOrEqualTo(LogHistogram.RELATIVE_ERROR * exact);
    }
    assertThat(LogHistogram.quantile(new int[0], new long[0], 0.5)).isNull();
  }

  private static long[] parse(String list) {
    String body = list.substring(1, list.length() - 1);
    return body.isEmpty() ? new long[0] : Arrays.stream(body.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
