package dev.vigil.server.ingest.pii;

/** Character classes the detectors share; ASCII fast paths ahead of the Character.* calls. */
final class Chars {
  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  static boolean isHex(char c) {
    return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /**
   * Letters and digits that make a word in space-separated scripts. Han, kana, Hangul and Thai are
   * left out: those scripts put numbers and addresses right next to words ("卡号4111…").
   */
  static boolean isAlnum(char c) {
    if (c < 0x80) return isDigit(c) || isAsciiLetter(c);
    if (!Character.isLetterOrDigit(c)) return false;
    return switch (Character.UnicodeScript.of(c)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> false;
      default -> true;
    };
  }

  /**
   * Whether a word character touches position {@code i}: what a candidate must not be glued to.
   * The letter of a JSON or C escape ("\n4111…") does not count.
   */
  static boolean alnumAt(String s, int i) {
    return i >= 0 && i < s.length() && isAlnum(s.charAt(i)) && !escapeLetter(s, i);
  }

  static boolean escapeLetter(String s, int i) {
    return i > 0 && s.charAt(i - 1) == '\\' && "nrtbf".indexOf(s.charAt(i)) >= 0
        && (i < 2 || s.charAt(i - 2) != '\\');
  }

  static boolean digitAt(String s, int i) {
    return i >= 0 && i < s.length() && isDigit(s.charAt(i));
  }
}
