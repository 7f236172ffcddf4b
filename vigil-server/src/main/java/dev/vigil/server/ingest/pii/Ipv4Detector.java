package dev.vigil.server.ingest.pii;

import java.util.List;

/**
 * Dotted-quad IPv4 addresses with octets 0–255 and no leading zeros. A dotted number of any other
 * length ("1.2.3.4.5") is a version or an outline number, and "v1.2.3.4" is a version too.
 */
final class Ipv4Detector implements Detector {
  static final String KIND = "ip";

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    if (hints.dottedDigits < 0) return;
    int n = text.length();
    // jump from dot to dot: prose has few, and only "digit.digit" starts a candidate
    for (int dot = text.indexOf('.'); dot > 0 && dot < n - 1; dot = text.indexOf('.', dot + 1)) {
      if (!Chars.isDigit(text.charAt(dot - 1)) || !Chars.isDigit(text.charAt(dot + 1))) continue;
      int start = dot - 1;
      while (start > 0 && (Chars.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) start--;
      while (start < dot && text.charAt(start) == '.') start++;
      int i = start, parts = 0;
      boolean ok = true;
      while (true) {
        int s = i;
        while (i < n && Chars.isDigit(text.charAt(i))) i++;
        parts++;
        ok &= octet(text, s, i);
        if (i + 1 < n && text.charAt(i) == '.' && Chars.isDigit(text.charAt(i + 1))) i++;
        else break;
      }
      boolean bounded = !Chars.alnumAt(text, start - 1) && !(start > 0 && text.charAt(start - 1) == '.')
          && !Chars.alnumAt(text, i);
      if (ok && parts == 4 && bounded) out.add(new Finding(start, i, KIND, false));
      dot = Math.max(dot, i); // never back: "1.2..3.4" would send it to 3.4 for ever
    }
  }

  private static boolean octet(String t, int from, int to) {
    int len = to - from;
    if (len == 0 || len > 3 || (len > 1 && t.charAt(from) == '0')) return false;
    return Integer.parseInt(t, from, to, 10) <= 255;
  }
}
