package dev.vigil.server.ingest.pii;

import java.util.List;
import java.util.Map;

/**
 * IBANs, compact ("DE89370400440532013000") or printed in groups of four ("GB82 WEST 1234 5698
 * 7654 32"): country code, two check digits, the BBAN; valid when mod-97 gives 1 and, for the
 * countries listed, the length matches. Unlisted countries need 15–34 characters.
 */
final class IbanDetector implements Detector {
  static final String KIND = "iban";
  private static final int MAX = 34;
  private static final Map<String, Integer> LENGTHS = lengths(
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 "
          + "EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 "
          + "JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 "
          + "PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 "
          + "UA29 VA22 VG24 XK20");

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    if (hints.ibanLead < 0) return;
    int[] pos = new int[MAX];
    for (int i = hints.ibanLead, last = text.length() - 4; i <= last; i++) {
      if (!Chars.isUpper(text.charAt(i)) || !Chars.isUpper(text.charAt(i + 1))
          || !Chars.isDigit(text.charAt(i + 2)) || !Chars.isDigit(text.charAt(i + 3))
          || Chars.alnumAt(text, i - 1)) continue;
      int end = match(text, i, pos);
      if (end > 0) {
        out.add(new Finding(i, end, KIND, false));
        i = end - 1;
      }
    }
  }

  /** End of the IBAN starting at {@code s}, or -1; {@code pos} receives each character's index. */
  private static int match(String t, int s, int[] pos) {
    int n = t.length(), count = 0, group = 0, j = s;
    while (j < n && count < MAX) {
      char c = t.charAt(j);
      if (Chars.isAsciiLetter(c) || Chars.isDigit(c)) {
        pos[count++] = j++;
        group++;
      } else if (c == ' ' && group == 4 && j + 1 < n && Chars.isAlnum(t.charAt(j + 1))) {
        group = 0; // printed form: only whole groups of four are followed by a space
        j++;
      } else {
        break;
      }
    }
    Integer expected = LENGTHS.get(t.substring(s, s + 2));
    int len = expected != null ? expected : count;
    if (len < 15 || count < len || Chars.alnumAt(t, pos[len - 1] + 1)) return -1;
    return mod97(t, pos, len) == 1 ? pos[len - 1] + 1 : -1;
  }

  /** ISO 13616: move the first four characters to the end, letters count as 10–35. */
  private static int mod97(String t, int[] pos, int len) {
    int r = 0;
    for (int k = 0; k < len; k++) {
      char c = Character.toUpperCase(t.charAt(pos[(k + 4) % len]));
      int v = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
      r = v < 10 ? (r * 10 + v) % 97 : (r * 100 + v) % 97;
    }
    return r;
  }

  private static Map<String, Integer> lengths(String spec) {
    var m = new java.util.HashMap<String, Integer>();
    for (String e : spec.split(" ")) m.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    return Map.copyOf(m);
  }
}
