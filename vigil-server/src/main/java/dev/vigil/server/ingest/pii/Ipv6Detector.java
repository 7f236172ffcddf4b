package dev.vigil.server.ingest.pii;

import java.util.List;

/**
 * IPv6 addresses, full ("2001:0db8:85a3:0000:0000:8a2e:0370:7334") and compressed ("fe80::1",
 * "::ffff:192.0.2.1"). A compressed form must hold a decimal digit, so C++/Rust paths such as
 * "Abc::Def" stay; clock times ("10:30:00") and MAC addresses have the wrong group count.
 */
final class Ipv6Detector implements Detector {
  static final String KIND = "ip";

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    int n = text.length(), scanned = 0;
    for (int c = hints.ipv6Colon; c >= 0 && c < n; c = text.indexOf(':', Math.max(c + 1, scanned))) {
      boolean before = c > 0 && isPart(text.charAt(c - 1));
      boolean after = c + 1 < n && isPart(text.charAt(c + 1));
      if (!before && !after) continue; // JSON "key": value, prose "Note: …"
      int s = c;
      while (s > 0 && isPart(text.charAt(s - 1))) s--;
      int e = c;
      while (e < n && (isPart(text.charAt(e)) || text.charAt(e) == '.')) e++;
      scanned = e;
      while (e > s && text.charAt(e - 1) == '.') e--; // sentence end
      if (e - s >= 2 && text.charAt(e - 1) == ':' && text.charAt(e - 2) != ':') e--; // "fe80::1: …"
      if (!Chars.alnumAt(text, s - 1) && (s == 0 || text.charAt(s - 1) != '.') && !Chars.alnumAt(text, e)
          && valid(text, s, e)) {
        out.add(new Finding(s, e, KIND, false));
      }
    }
  }

  private static boolean isPart(char c) {
    return c == ':' || Chars.isHex(c);
  }

  static boolean valid(String t, int s, int e) {
    if (e - s < 2) return false;
    boolean compressed = false, digit = false;
    int groups = 0, i = s;
    if (t.startsWith("::", s)) {
      compressed = true;
      i = s + 2;
    } else if (t.charAt(s) == ':') {
      return false;
    }
    while (i < e) {
      int g = i;
      boolean dotted = false;
      for (; g < e && t.charAt(g) != ':'; g++) dotted |= t.charAt(g) == '.';
      if (dotted) {
        if (g != e || !embeddedIpv4(t, i, g)) return false;
        groups += 2;
        digit = true;
      } else {
        if (g - i < 1 || g - i > 4) return false;
        for (int k = i; k < g; k++) digit |= Chars.isDigit(t.charAt(k));
        groups++;
      }
      if (g == e) break;
      if (g + 1 < e && t.charAt(g + 1) == ':') {
        if (compressed) return false;
        compressed = true;
        i = g + 2;
      } else if (g + 1 == e) {
        return false;
      } else {
        i = g + 1;
      }
    }
    return compressed ? groups <= 7 && digit : groups == 8;
  }

  private static boolean embeddedIpv4(String t, int from, int to) {
    int parts = 0, i = from;
    while (i <= to) {
      int s = i;
      while (i < to && Chars.isDigit(t.charAt(i))) i++;
      int len = i - s;
      if (len == 0 || len > 3 || (len > 1 && t.charAt(s) == '0') || Integer.parseInt(t, s, i, 10) > 255) return false;
      parts++;
      if (i == to) break;
      if (t.charAt(i) != '.') return false;
      i++;
    }
    return parts == 4;
  }
}
