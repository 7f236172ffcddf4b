package dev.vigil.server.ingest.pii;

import java.util.List;
import java.util.Set;

/** Addresses like {@code jane.doe+tag@mail.example.co.uk}: scanned outward from each '@', no regex. */
final class EmailDetector implements Detector {
  static final String KIND = "email";
  // "icon@2x.png" is an asset name, not an address
  private static final Set<String> FILE_TLDS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    int n = text.length();
    for (int at = hints.at; at >= 0; at = text.indexOf('@', at + 1)) {
      int s = at;
      while (s > 0 && isLocal(text.charAt(s - 1))) s--;
      if (s < at && Chars.escapeLetter(text, s)) s++; // "\njane@…" in JSON text
      while (s < at && text.charAt(s) == '.') s++;
      if (s == at || text.charAt(at - 1) == '.') continue;
      int e = at + 1;
      while (e < n && isDomain(text.charAt(e))) e++;
      while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) e--;
      if (validDomain(text, at + 1, e)) {
        out.add(new Finding(s, e, KIND, false));
        at = e - 1;
      }
    }
  }

  private static boolean isLocal(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomain(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '-';
  }

  /** At least two labels, none empty or hyphen-edged, and a top-level label of two or more letters. */
  private static boolean validDomain(String t, int from, int to) {
    if (from >= to) return false;
    int labels = 0, labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || t.charAt(i) == '.') {
        if (i == labelStart || t.charAt(labelStart) == '-' || t.charAt(i - 1) == '-') return false;
        labels++;
        if (i < to) labelStart = i + 1;
      }
    }
    if (labels < 2 || to - labelStart < 2) return false;
    for (int i = labelStart; i < to; i++) if (!Character.isLetter(t.charAt(i))) return false;
    return !FILE_TLDS.contains(t.substring(labelStart, to).toLowerCase(java.util.Locale.ROOT));
  }
}
