package dev.vigil.server.alert;

import java.util.Locale;

/** Formatting shared by conditions and alert texts. */
final class Conditions {
  private Conditions() {}

  /** A threshold as conditions print it: 1000.0, 0.05, 1.2. */
  static String number(double v) {
    return Double.toString(v);
  }

  /** A measured value for people: 0.3333, 2310, 7. */
  static String value(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
