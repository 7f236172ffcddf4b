package dev.vigil.server.scoring.eval;

/**
 * Text folded one char at a time the way {@code java.util.regex} compares characters under
 * {@code CASE_INSENSITIVE | UNICODE_CASE} ({@code toLowerCase(toUpperCase(c))}), keeping every offset.
 * A literal term with no surrogate pairs can only match where its folded form occurs in the folded
 * text, so an {@code indexOf} rules out most texts before a regex with look-arounds scans them.
 */
final class CaseFold {
  private CaseFold() {}

  static String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      out[i] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
    }
    return new String(out);
  }

  /** Whether {@link #fold} is an exact pre-test for {@code term}: no surrogates (those fold by code point). */
  static boolean foldable(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isSurrogate(term.charAt(i))) return false;
    }
    return true;
  }
}
