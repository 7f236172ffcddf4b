package dev.vigil.server.ingest.pii;

import java.util.Arrays;

/**
 * What one cheap pass over the text tells the detectors, so most of them return at once on text
 * without PII (the common case). A digit run is digits at most three phone-style separators apart
 * ("+1 (415) 555-2671" is one run of 11 digits); runs of seven or more are kept as
 * (first digit, end, digit count) so that the phone, card and SSN detectors look only there.
 */
final class TextHints {
  static final int LONG_RUN = 7;
  private static final int MAX_GAP = 3;

  final boolean hasAt, hasColon, hasDottedDigits;
  /** Where the first "two capitals, two digits" starts (an IBAN's country and check digits), or -1. */
  final int ibanLead;
  final int maxDigitRun;
  private int[] runs = new int[0];
  private int runCount;

  private TextHints(String s) {
    boolean dotted = false;
    int iban = -1;
    int max = 0, run = 0, gap = 0, first = 0, last = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((char) (c - '0') <= 9) {
        if (run++ == 0) first = i;
        last = i;
        gap = 0;
        if (i >= 2 && s.charAt(i - 1) == '.' && Chars.isDigit(s.charAt(i - 2))) dotted = true;
        // "DE89…": two capitals then two digits
        if (iban < 0 && i >= 3 && Chars.isUpper(s.charAt(i - 2)) && Chars.isUpper(s.charAt(i - 3))
            && Chars.isDigit(s.charAt(i - 1))) iban = i - 3;
      } else if (run > 0 && (!isSeparator(c) || ++gap > MAX_GAP)) {
        max = Math.max(max, run);
        if (run >= LONG_RUN) addRun(first, last + 1, run);
        run = 0;
      }
    }
    max = Math.max(max, run);
    if (run >= LONG_RUN) addRun(first, last + 1, run);
    this.hasAt = s.indexOf('@') >= 0;
    this.hasColon = s.indexOf(':') >= 0;
    this.hasDottedDigits = dotted;
    this.ibanLead = iban;
    this.maxDigitRun = max;
  }

  static TextHints of(String s) {
    return new TextHints(s);
  }

  private void addRun(int first, int end, int digits) {
    if (runs.length == runCount * 3) runs = Arrays.copyOf(runs, Math.max(6, runs.length * 2));
    runs[runCount * 3] = first;
    runs[runCount * 3 + 1] = end;
    runs[runCount++ * 3 + 2] = digits;
  }

  /** Number of runs with at least {@link #LONG_RUN} digits. */
  int runs() {
    return runCount;
  }

  /** Index of run {@code k}'s first digit. */
  int runStart(int k) {
    return runs[k * 3];
  }

  /** Index just past run {@code k}'s last digit. */
  int runEnd(int k) {
    return runs[k * 3 + 1];
  }

  int runDigits(int k) {
    return runs[k * 3 + 2];
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+'
        || c == '\u00a0';
  }
}
