package dev.vigil.server.ingest.pii;

import java.util.Arrays;
import java.util.List;

/**
 * Payment card numbers: 13–19 digits, contiguous or in groups of 3–6 joined by single spaces or
 * dashes, passing Luhn and starting with 2–6 (the major networks). The leading-digit rule keeps
 * 13-digit epoch-millisecond timestamps, which pass Luhn one time in ten, from being masked.
 */
final class CardDetector implements Detector {
  static final String KIND = "card";
  private static final int MIN = 13, MAX = 19;

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    if (hints.maxDigitRun < MIN) return;
    for (int k = 0; k < hints.runs(); k++) {
      if (hints.runDigits(k) >= MIN) scanRun(text, hints.runStart(k), hints.runEnd(k), out);
    }
  }

  /** Splits a digit run into groups joined by single spaces or dashes, and tries each sequence. */
  private static void scanRun(String text, int from, int to, List<Finding> out) {
    int[] starts = new int[8], ends = new int[8];
    int i = from;
    while (i < to) {
      if (!Chars.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int groups = 0, j = i;
      while (true) {
        int s = j;
        while (j < to && Chars.isDigit(text.charAt(j))) j++;
        if (groups == starts.length) {
          starts = Arrays.copyOf(starts, groups * 2);
          ends = Arrays.copyOf(ends, groups * 2);
        }
        starts[groups] = s;
        ends[groups++] = j;
        char sep = j + 1 < to ? text.charAt(j) : 0;
        if ((sep == ' ' || sep == '-') && Chars.isDigit(text.charAt(j + 1))) j++;
        else break;
      }
      if (bounded(text, i, j)) scanGroups(text, starts, ends, groups, out);
      i = j;
    }
  }

  /** Not glued to letters, nor the tail or head of a decimal like 0.4111… */
  private static boolean bounded(String t, int from, int to) {
    if (Chars.alnumAt(t, from - 1) || Chars.alnumAt(t, to)) return false;
    if (from >= 2 && (t.charAt(from - 1) == '.' || t.charAt(from - 1) == ',') && Chars.isDigit(t.charAt(from - 2))) {
      return false;
    }
    return !(to + 1 < t.length() && (t.charAt(to) == '.' || t.charAt(to) == ',') && Chars.isDigit(t.charAt(to + 1)));
  }

  private static void scanGroups(String t, int[] starts, int[] ends, int groups, List<Finding> out) {
    for (int a = 0; a < groups; ) {
      int best = -1, digits = 0;
      for (int b = a; b < groups; b++) {
        digits += ends[b] - starts[b];
        if (digits > MAX) break;
        if (digits >= MIN && (b == a || groupsOk(starts, ends, a, b)) && valid(t, starts[a], ends[b])) best = b;
      }
      if (best >= 0) {
        out.add(new Finding(starts[a], ends[best], KIND, false));
        a = best + 1;
      } else {
        a++;
      }
    }
  }

  private static boolean groupsOk(int[] starts, int[] ends, int a, int b) {
    for (int g = a; g <= b; g++) {
      int len = ends[g] - starts[g];
      if (len < 3 || len > 6) return false;
    }
    return true;
  }

  /** Luhn over the digits in [from, to), skipping separators, and a major-network first digit. */
  static boolean valid(String t, int from, int to) {
    char first = t.charAt(from);
    if (first < '2' || first > '6') return false;
    int sum = 0;
    boolean dbl = false;
    for (int i = to - 1; i >= from; i--) {
      char c = t.charAt(i);
      if (!Chars.isDigit(c)) continue;
      int d = c - '0';
      if (dbl && (d *= 2) > 9) d -= 9;
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
