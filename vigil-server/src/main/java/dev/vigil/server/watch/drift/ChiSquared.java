package dev.vigil.server.watch.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Chi-squared test of homogeneity on a 2 × k table (baseline and current counts per category), p-value
 * from Commons Statistics. Small counts: the approximation needs expected counts of about 5 or more, so
 * categories whose expected count is below {@link #MIN_EXPECTED} in either window are pooled into one
 * "other" column (if the pool itself is still too small, the rarest remaining column joins it); if fewer than two columns remain there is
 * nothing to test. Effect size is Cramér's V = √(χ² / N) for two rows; drifted when p <
 * {@link DriftTest#ALPHA} and V ≥ {@link #MIN_V}.
 */
public final class ChiSquared {
  public static final double MIN_EXPECTED = 5;
  public static final double MIN_V = 0.1;
  private static final ChiSquareTest CHI2 = ChiSquareTest.withDefaults();

  private ChiSquared() {}

  public static DriftTest test(String signal, Map<String, Long> baseline, Map<String, Long> current) {
    Categories c = Categories.of(baseline, current);
    long nb = Categories.total(c.baseline());
    long nc = Categories.total(c.current());
    if (!DriftTest.enough(nb, nc)) return DriftTest.insufficient(signal, "chi_squared", "cramers_v", nb, nc);
    long[][] table = pooled(c.baseline(), c.current());
    if (table[0].length < 2) {
      return new DriftTest(signal, "chi_squared", 0.0, "cramers_v", 0.0, 1.0, nb, nc, Verdict.STABLE,
          "one category (after pooling rare ones): nothing to compare");
    }
    var r = CHI2.test(table);
    double v = Math.sqrt(r.getStatistic() / (nb + nc));
    Verdict verdict = r.getPValue() < DriftTest.ALPHA && v >= MIN_V ? Verdict.DRIFTED : Verdict.STABLE;
    String note = table[0].length < c.names().size()
        ? (c.names().size() - table[0].length + 1) + " rare categories pooled" : null;
    return new DriftTest(signal, "chi_squared", r.getStatistic(), "cramers_v", v, r.getPValue(), nb, nc, verdict, note);
  }

  /** Columns with expected counts ≥ MIN_EXPECTED in both rows; rarer ones summed into a last column. */
  static long[][] pooled(long[] b, long[] c) {
    double nb = Categories.total(b);
    double nc = Categories.total(c);
    double n = nb + nc;
    Integer[] order = new Integer[b.length];
    for (int i = 0; i < b.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingLong(i -> b[i] + c[i])); // rarest first
    List<long[]> kept = new ArrayList<>();
    long[] other = new long[2];
    for (int i : order) {
      double total = b[i] + c[i];
      if (total * Math.min(nb, nc) / n < MIN_EXPECTED) {
        other[0] += b[i];
        other[1] += c[i];
      } else {
        kept.add(new long[] {b[i], c[i]});
      }
    }
    if (other[0] + other[1] > 0) {
      if ((other[0] + other[1]) * Math.min(nb, nc) / n < MIN_EXPECTED && !kept.isEmpty()) {
        long[] smallest = kept.remove(0); // still too small: fold into the rarest kept column
        other[0] += smallest[0];
        other[1] += smallest[1];
      }
      kept.add(other);
    }
    long[][] table = new long[2][kept.size()];
    for (int j = 0; j < kept.size(); j++) {
      table[0][j] = kept.get(j)[0];
      table[1][j] = kept.get(j)[1];
    }
    return table;
  }
}
