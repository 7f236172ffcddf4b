package dev.vigil.server.ingest.pii;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values assigned to credential-named keys, in the shapes they take in prompts, logs and code:
 * {@code password=…}, {@code api_key: …}, {@code "secret": "…"}, {@code X-Api-Key: …},
 * {@code aws_secret_access_key = …}, {@code Authorization: Basic …}, JSON escaped inside JSON.
 * Only the value is masked. A key matches when it ends in one of {@link #KEYS} at a word boundary
 * (OPENAI_API_KEY, dbPassword) — so max_tokens does not.
 */
final class AssignmentDetector implements Detector {
  private static final String[] KEYS = {"password", "passwd", "pwd", "passphrase", "secret", "token",
      "api_key", "apikey", "api-key", "access_key", "accesskey", "secret_key", "secretkey",
      "private_key", "privatekey", "authorization"};
  /** KEYS by their last letter, in KEYS' order: a key can only end where its last letter is. */
  private static final String[][] KEYS_BY_LAST = byLastLetter();
  private static final Set<String> NOT_VALUES = Set.of("null", "none", "nil", "true", "false",
      "undefined", "redacted", "str", "string", "bytes", "secretstr", "required", "optional");
  private static final int MAX_VALUE = 4096;

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    int n = text.length();
    // visit each '=' and ':' in order; indexOf is vectorised, a char loop is not
    int eq = hints.equals, colon = hints.colon;
    while (eq >= 0 || colon >= 0) {
      int p = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      char c = text.charAt(p);
      int resume = p + 1;
      if (p + 1 < n && text.charAt(p + 1) == c) { // "==", "::"
        resume = p + 2;
      } else if (p == 0 || "=!<>:".indexOf(text.charAt(p - 1)) < 0) {
        String key = key(text, p);
        if (key != null) resume = Math.max(resume, value(text, p + 1, c == ':', key.equals("authorization"), out));
      }
      if (eq >= 0 && eq < resume) eq = text.indexOf('=', resume);
      if (colon >= 0 && colon < resume) colon = text.indexOf(':', resume);
    }
  }

  /** The credential word the key before {@code p} ends with, or null. */
  private static String key(String t, int p) {
    int e = p;
    while (e > 0 && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == '\t') && p - e < 4) e--;
    if (e > 0 && (t.charAt(e - 1) == '"' || t.charAt(e - 1) == '\'')) e--;
    while (e > 0 && t.charAt(e - 1) == '\\') e--;
    if (e == 0) return null;
    int last = (t.charAt(e - 1) | 0x20) - 'a';
    if (last < 0 || last >= KEYS_BY_LAST.length || KEYS_BY_LAST[last].length == 0) return null;
    int s = e;
    while (s > 0 && isKeyChar(t.charAt(s - 1))) s--;
    if (t.startsWith("PWD", s) || t.startsWith("OLDPWD", s)) return null; // the shell's working directory
    for (String k : KEYS_BY_LAST[last]) {
      int at = e - k.length();
      if (at < s || !t.regionMatches(true, at, k, 0, k.length())) continue;
      if (at == s || !Chars.isAsciiLetter(t.charAt(at - 1))
          || (Chars.isUpper(t.charAt(at)) && !Chars.isUpper(t.charAt(at - 1)))) return k;
    }
    return null;
  }

  /** Masks the value that starts after {@code from}; returns where scanning may resume, or -1. */
  private static int value(String t, int from, boolean colon, boolean auth, List<Finding> out) {
    int n = t.length(), v = from;
    while (v < n && (t.charAt(v) == ' ' || t.charAt(v) == '\t')) v++;
    int v0 = v;
    while (v < n && t.charAt(v) == '\\') v++;
    boolean escaped = v > v0;
    if (v >= n) return -1;
    int vs, ve;
    boolean quoted = false;
    char q = t.charAt(v);
    if (q == '"' || q == '\'' || q == '`') {
      vs = v + 1;
      ve = closing(t, vs, q, escaped);
      quoted = ve >= 0;
      if (!quoted) ve = bareEnd(t, vs);
    } else if (escaped) {
      return -1; // "\n" and friends
    } else {
      vs = v;
      ve = bareEnd(t, vs);
    }
    if (auth) { // "Basic dXNl…", "Bearer abc…": keep the scheme
      int j = vs;
      while (j < n && Chars.isAsciiLetter(t.charAt(j))) j++;
      if (j > vs && j < n && t.charAt(j) == ' ' && (quoted ? j < ve : j == ve)) {
        while (j < n && t.charAt(j) == ' ') j++;
        vs = j;
        if (!quoted) ve = bareEnd(t, vs);
      }
    }
    if (ve <= vs || !plausible(t, vs, ve, quoted, colon)) return -1;
    out.add(new Finding(vs, ve, SecretDetector.KIND, true));
    return ve;
  }

  private static boolean plausible(String t, int vs, int ve, boolean quoted, boolean colon) {
    char first = t.charAt(vs);
    if (first == '<' || first == '[' || first == '{' || first == '*' && allStars(t, vs, ve)) return false;
    if (t.startsWith("${", vs) || t.startsWith("{{", vs)) return false;
    if (ve - vs <= 10 && NOT_VALUES.contains(t.substring(vs, ve).toLowerCase(Locale.ROOT))) return false;
    if (quoted) return true;
    if (ve < t.length() && (t.charAt(ve) == '(' || t.charAt(ve) == '[')) return false; // code: getPassword()
    // "password=…" is always an assignment; after ':' bare prose words ("Password: reset it") are not
    return !colon || ve == t.length() || t.charAt(ve) == '\n' || t.charAt(ve) == '\r' || hasNonLetter(t, vs, ve);
  }

  private static int closing(String t, int from, char q, boolean escaped) {
    for (int i = from, lim = Math.min(t.length(), from + MAX_VALUE); i < lim; i++) {
      char c = t.charAt(i);
      if (c == '\n') return -1;
      if (c == '\\') {
        if (escaped) return i;
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return -1;
  }

  private static int bareEnd(String t, int from) {
    int i = from, lim = Math.min(t.length(), from + MAX_VALUE);
    while (i < lim && !Character.isWhitespace(t.charAt(i)) && ",;&})]\"'<>\\([".indexOf(t.charAt(i)) < 0) i++;
    return i;
  }

  private static String[][] byLastLetter() {
    String[][] by = new String[26][];
    for (char c = 'a'; c <= 'z'; c++) {
      char last = c;
      by[c - 'a'] = Arrays.stream(KEYS).filter(k -> k.charAt(k.length() - 1) == last).toArray(String[]::new);
    }
    return by;
  }

  private static boolean isKeyChar(char c) {
    return Chars.isAsciiLetter(c) || Chars.isDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean allStars(String t, int from, int to) {
    for (int i = from; i < to; i++) if (t.charAt(i) != '*') return false;
    return true;
  }

  private static boolean hasNonLetter(String t, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isLetter(t.charAt(i))) return true;
    return false;
  }
}
