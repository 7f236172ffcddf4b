package dev.vigil.server.ingest.pii;

import java.util.List;

/**
 * US Social Security numbers written AAA-GG-SSSS or AAA GG SSSS (one separator throughout), minus
 * ranges the SSA never issues: area 000, 666 and 900–999, group 00, serial 0000.
 */
final class SsnDetector implements Detector {
  static final String KIND = "ssn";

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    if (hints.maxDigitRun < 9) return;
    for (int k = 0; k < hints.runs(); k++) {
      if (hints.runDigits(k) < 9) continue;
      for (int i = hints.runStart(k), last = hints.runEnd(k) - 11; i <= last; i++) {
        char sep = text.charAt(i + 3);
        if ((sep == '-' || sep == ' ') && text.charAt(i + 6) == sep && digits(text, i, 3)
            && digits(text, i + 4, 2) && digits(text, i + 7, 4) && bounded(text, i, i + 11, sep)
            && issuable(text, i)) {
          out.add(new Finding(i, i + 11, KIND, false));
          i += 10;
        }
      }
    }
  }

  private static boolean digits(String t, int from, int count) {
    for (int i = from; i < from + count; i++) if (!Chars.isDigit(t.charAt(i))) return false;
    return true;
  }

  /** Not glued to letters or digits, nor one more group of a longer dashed number. */
  private static boolean bounded(String t, int from, int to, char sep) {
    if (Chars.alnumAt(t, from - 1) || Chars.alnumAt(t, to)) return false;
    boolean before = from >= 2 && t.charAt(from - 1) == sep && Chars.isDigit(t.charAt(from - 2));
    boolean after = to + 1 < t.length() && t.charAt(to) == sep && Chars.isDigit(t.charAt(to + 1));
    return !before && !after;
  }

  private static boolean issuable(String t, int i) {
    int area = Integer.parseInt(t, i, i + 3, 10);
    int group = Integer.parseInt(t, i + 4, i + 6, 10);
    int serial = Integer.parseInt(t, i + 7, i + 11, 10);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
