package dev.vigil.server.ingest.pii;

/** Digit runs that are plainly not phone numbers, recognised without libphonenumber. */
final class Shapes {
  private Shapes() {}

  /**
   * True for [from, to) shaped like 2024-07-01, 01/07/2024, 1.7.24 (three groups, one separator,
   * a 4-digit year first or a 2- or 4-digit year last) or 203.0.113.42 (four dotted groups of ≤3).
   */
  static boolean dateOrDottedQuad(String t, int from, int to) {
    int[] len = new int[5];
    int groups = 0, run = 0;
    char sep = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (Chars.isDigit(c)) {
        run++;
        continue;
      }
      if (groups == 4 || run == 0 || (sep != 0 && c != sep) || (c != '-' && c != '/' && c != '.')) return false;
      sep = c;
      len[groups++] = run;
      run = 0;
    }
    len[groups++] = run;
    if (groups == 4) return sep == '.' && len[0] <= 3 && len[1] <= 3 && len[2] <= 3 && len[3] <= 3;
    if (groups != 3) return false;
    boolean yearFirst = len[0] == 4 && len[1] <= 2 && len[2] <= 2;
    boolean yearLast = len[0] <= 2 && len[1] <= 2 && (len[2] == 2 || len[2] == 4);
    return yearFirst || yearLast;
  }
}
