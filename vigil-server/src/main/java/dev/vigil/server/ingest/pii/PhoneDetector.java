package dev.vigil.server.ingest.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;

/**
 * Phone numbers as libphonenumber understands them (every country's formats, Leniency.VALID).
 * libphonenumber costs tens of microseconds a call, so it only sees small windows around runs of
 * digits that could be a number: with a '+' before them (any region), or as many digits as the
 * default region's numbers have, and not shaped like a date or a dotted IPv4 address.
 */
final class PhoneDetector implements Detector {
  static final String KIND = "phone";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int CONTEXT = 3; // libphonenumber looks at the chars around a candidate
  private static final int PREFIX_DIGITS = 3; // a trunk or dialling prefix: "1-415…", "0 30…"
  private static final int MAX_INTERNATIONAL = 20; // E.164's 15, a trunk prefix and an extension
  private static final long MAX_TRIES = 16;

  private final String region;
  private final int minNational, maxNational; // digits of a national number; none for ZZ

  PhoneDetector(String defaultRegion) {
    String r = defaultRegion == null || defaultRegion.isBlank() ? "US" : defaultRegion.toUpperCase(Locale.ROOT);
    if (!r.equals("ZZ") && !UTIL.getSupportedRegions().contains(r)) {
      throw new IllegalArgumentException("unknown phone region '" + defaultRegion
          + "'; expected an ISO 3166 code such as US, or ZZ for international numbers only");
    }
    this.region = r;
    int min = Integer.MAX_VALUE, max = -1;
    int code = r.equals("ZZ") ? 0 : UTIL.getCountryCodeForRegion(r);
    for (int len = 2; code != 0 && len <= 17; len++) {
      PhoneNumber n = new PhoneNumber().setCountryCode(code).setNationalNumber(2 * (long) Math.pow(10, len - 1));
      if (UTIL.isPossibleNumberWithReason(n) == ValidationResult.IS_POSSIBLE) {
        min = Math.min(min, len);
        max = len;
      }
    }
    this.minNational = Math.max(TextHints.LONG_RUN, min);
    this.maxNational = max + PREFIX_DIGITS;
  }

  @Override
  public String toString() {
    return "PhoneDetector[" + region + ", national " + minNational + ".." + maxNational + " digits]";
  }

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    for (int k = 0; k < hints.runs(); k++) {
      int first = hints.runStart(k), end = hints.runEnd(k), digits = hints.runDigits(k);
      int from = Math.max(0, first - CONTEXT), to = Math.min(text.length(), end + CONTEXT);
      boolean plus = false;
      for (int i = from; i < first; i++) plus |= text.charAt(i) == '+';
      boolean plausible = plus ? digits <= MAX_INTERNATIONAL : digits >= minNational && digits <= maxNational;
      if (plausible && !Shapes.dateOrDottedQuad(text, first, end)) scan(text, from, to, out);
    }
  }

  private void scan(String text, int from, int to, List<Finding> out) {
    for (PhoneNumberMatch m : UTIL.findNumbers(text.substring(from, to), region, Leniency.VALID, MAX_TRIES)) {
      int s = from + m.start(), e = from + m.end();
      if (!decimal(text, s - 1, s - 2) && !decimal(text, e, e + 1)) out.add(new Finding(s, e, KIND, false));
    }
  }

  /** "3.14159265358": libphonenumber would take the fraction for a number. */
  private static boolean decimal(String t, int point, int digit) {
    return point >= 0 && point < t.length() && (t.charAt(point) == '.' || t.charAt(point) == ',')
        && Chars.digitAt(t, digit);
  }

}
