package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.Swar.LONGS;
import static dev.vigil.server.ingest.pii.Swar.between;
import static dev.vigil.server.ingest.pii.Swar.equal;
import static dev.vigil.server.ingest.pii.Swar.roughlyEqual;
import static dev.vigil.server.ingest.pii.Swar.roughlyEqualIgnoringCase;

import java.util.Arrays;

/**
 * What one pass over the text tells the detectors, so that most text (prose, model names, ids,
 * numbers) is ruled out by that pass alone. Each position below is where a detector's own scan may
 * start (every earlier candidate is one it would skip), or -1 when it has nothing to find.
 *
 * <p>The pass reads eight chars at a time (see {@link Swar}) and stops only at those that can start
 * a finding: '@', ':', '=', and, in texts long enough for a secret, '-', '_', 'A', 'J' and 'B'/'b'
 * where the chars around them fit a secret's literal. Digits are only counted; the runs are worked
 * out when there are enough of them, in a letter-free stretch, dotted or next to capitals. Char by
 * char, the same pass would cost several times more. Texts too short for a secret get a plain loop
 * first; in long texts the trigger chars are found with indexOf.
 *
 * <p>A digit run is digits at most three phone-style separators apart ("+1 (415) 555-2671" is one
 * run of 11 digits); runs of seven or more are kept as (first digit, end, digit count) so that the
 * phone, card and SSN detectors look only there.
 *
 * <p>Reusable, not thread-safe; what it holds is about the last text scanned, and only meaningful
 * when that scan returned true. Its scratch copy of the text is overwritten by the next scan and
 * dropped with the instance (one per span).
 */
final class TextHints {
  static final int LONG_RUN = 7;
  private static final int MAX_GAP = 3;
  /** Nothing built on digits is shorter: "1.2.3.4", a long run. An IBAN takes 15. */
  private static final int SHORTEST_DIGITS = 7, SHORTEST_IBAN = 15;
  /**
   * From this length on the trigger chars, rare in prose, are each found with String.indexOf, which
   * is vectorised; the words are then only read for digits.
   */
  private static final int SPARSE = 256;
  private static final char[] TRIGGERS = "@:=-ABb".toCharArray();
  /** Zero bytes around the scratch copy, so that words and look-arounds need no bounds checks. */
  private static final int PAD = 8;
  private static final boolean[] TRIGGER = new boolean[256];

  static {
    for (char c : TRIGGERS) TRIGGER[c] = true;
    TRIGGER['_'] = TRIGGER['J'] = true; // found in the words, or with indexOf in long texts (literals)
  }

  /** The literals SecretDetector's rules are keyed on, grouped by the character that reveals them. */
  enum Secret { DASH, UNDERSCORE, AWS_OR_GOOGLE_KEY, JWT, BEARER, URL_PASSWORD }

  /** First '@', ':' and '='. */
  int at, colon, equals;
  /** First ':' with a hex digit or another ':' beside it: where an IPv6 address could be. */
  int ipv6Colon;
  /**
   * First '.' between two digits in a stretch of digits and dots that has three such dots: a dotted
   * quad's first dot. Versions like 2.15.0 have fewer.
   */
  int dottedDigits;
  /** Where the first "two capitals, two digits" starts (an IBAN's country and check digits). */
  int ibanLead;
  int maxDigitRun;
  /** First occurrence of a secret's literal, by {@link Secret}; see SecretDetector. */
  private int dashSecret, underscoreSecret, awsOrGoogleKey, jwt, bearer, urlPassword;
  private int[] runs = new int[0]; // grown when a run is kept, like bytes when a text needs copying
  private int runCount;
  private byte[] bytes = new byte[0];

  /** Scans {@code s}; false when no built-in detector can find anything in it. */
  boolean scan(String s) {
    return (s.length() >= SecretDetector.SHORTEST_KEYED || mayHoldShort(s)) && scanWords(s);
  }

  /**
   * For a text too short for any keyed secret: whether it has '@', ':' or '=', or two digits and
   * room for "1.2.3.4". Most attribute values are such texts, and a plain loop over them costs less
   * than copying them for the word-at-a-time pass.
   */
  private static boolean mayHoldShort(String s) {
    int n = s.length(), digits = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '@' || c == ':' || c == '=') return true;
      if (Chars.isDigit(c)) digits++;
    }
    return n >= SHORTEST_DIGITS && digits >= 2;
  }

  private boolean scanWords(String s) {
    at = colon = equals = ipv6Colon = dottedDigits = ibanLead = -1;
    dashSecret = underscoreSecret = awsOrGoogleKey = jwt = bearer = urlPassword = -1;
    maxDigitRun = runCount = 0;
    int n = s.length(), digits = 0, firstDigitWord = 0;
    // most attribute values are too short for any secret but a URL's password, found at its ':'
    boolean literals = n >= SecretDetector.SHORTEST_KEYED;
    boolean sparse = n >= SPARSE;
    byte[] b = copy(s, n);
    for (int i = 0; i < n; i += 8) {
      long x = (long) LONGS.get(b, PAD + i), d = between(x, '/', ':');
      if (digits == 0) firstDigitWord = i;
      digits += Long.bitCount(d);
      if (sparse) continue;
      // ':' to '@' holds ':', '=' and '@' (and ';', '<', '>' and '?', which cost a look); 'A' is next
      long flags = literals
          ? between(x, '9', 'B') | roughlyEqual(x, '-') | roughlyEqual(x, '_') | roughlyEqual(x, 'J')
              | roughlyEqualIgnoringCase(x, 'b')
          : between(x, '9', 'A');
      for (; flags != 0; flags &= flags - 1) {
        int k = Swar.firstByte(flags), c = (int) (x >>> (k << 3)) & 0xff;
        if (TRIGGER[c]) visit(s, b, i + k, c);
      }
    }
    if (sparse) {
      int bearerUpper = -1;
      for (char c : TRIGGERS) {
        if (c == 'b') { // bearer is the first "earer" after either 'B' or 'b'
          bearerUpper = bearer;
          bearer = -1;
        }
        for (int i = s.indexOf(c); i >= 0 && !found(c); i = s.indexOf(c, i + 1)) visit(s, b, i, c);
      }
      if (bearerUpper >= 0 && (bearer < 0 || bearerUpper < bearer)) bearer = bearerUpper;
    }
    if (sparse) literals(s);
    if (n >= SHORTEST_DIGITS && digits >= 2 && runsMayMatter(b, n, firstDigitWord, digits)) {
      runs(s, b, n, firstDigitWord);
    }
    return runCount > 0 || (at & colon & equals & dottedDigits & ibanLead & dashSecret & underscoreSecret
        & awsOrGoogleKey & jwt & bearer) >= 0; // some position is set (colon covers ipv6Colon and urlPassword)
  }

  /**
   * The low byte of each char, at PAD, with PAD zeros on each side. A Latin-1 string is copied as
   * it is; a char of another script may look like a trigger, which costs a closer look, and never
   * hides one (triggers are ASCII).
   */
  @SuppressWarnings("deprecation") // the low-byte copy is what is wanted here
  private byte[] copy(String s, int n) {
    if (bytes.length < n + 2 * PAD) bytes = new byte[Math.max(n + 2 * PAD, Math.min(bytes.length * 2, 1 << 16))];
    s.getBytes(0, n, bytes, PAD);
    LONGS.set(bytes, PAD + n, 0L);
    return bytes;
  }

  /**
   * Looks closer at {@code c}, at {@code i} in {@code s}: first at the bytes around it, which only
   * costs an array read, then at the string itself, to be exact.
   */
  private void visit(String s, byte[] b, int i, int c) {
    if (s.charAt(i) != c) return; // another script's char with the same low byte
    int o = PAD + i;
    switch (c) {
      case '@' -> { if (at < 0) at = i; }
      case '=' -> { if (equals < 0) equals = i; }
      case ':' -> {
        if (colon < 0) colon = i;
        if (ipv6Colon < 0 && (isIpv6Part(b[o - 1]) && isIpv6Part(s.charAt(i - 1))
            || isIpv6Part(b[o + 1]) && isIpv6Part(s.charAt(i + 1)))) ipv6Colon = i;
        if (urlPassword < 0 && b[o + 1] == '/' && b[o + 2] == '/' && s.startsWith("//", i + 1)) urlPassword = i;
      }
      // sk-…, xox?-…, -----BEGIN
      case '-' -> {
        if (dashSecret < 0 && (b[o - 1] == 'k' && b[o - 2] == 's' && s.startsWith("sk", i - 2)
            || b[o - 4] == 'x' && b[o - 2] == 'x' && s.startsWith("xox", i - 4)
            || b[o + 1] == '-' && s.startsWith("-----BEGIN ", i))) dashSecret = i;
      }
      // AKIA…, ASIA…, AIza…
      case 'A' -> {
        if (awsOrGoogleKey < 0 && (b[o + 1] == 'K' || b[o + 1] == 'S' || b[o + 1] == 'I')
            && (s.startsWith("KIA", i + 1) || s.startsWith("SIA", i + 1) || s.startsWith("Iza", i + 1))) {
          awsOrGoogleKey = i;
        }
      }
      case '_' -> {
        if (underscoreSecret < 0 && (b[o - 3] == 'g' && b[o - 2] == 'h' && s.startsWith("gh", i - 3)
            || b[o - 1] == 'b' && b[o - 6] == 'g' && s.startsWith("github_pat_", i - 6)
            || b[o - 1] == 'k' && b[o + 1] == 'l' && s.charAt(i - 1) == 'k' && s.startsWith("_live_", i))) {
          underscoreSecret = i;
        }
      }
      case 'J' -> {
        if (jwt < 0 && b[o - 1] == 'y' && b[o - 2] == 'e' && s.startsWith("ey", i - 2)) jwt = i - 2;
      }
      case 'B', 'b' -> {
        if (bearer < 0 && b[o + 1] == 'e' && b[o + 2] == 'a' && s.startsWith("earer", i + 1)) bearer = i + 1;
      }
      default -> throw new AssertionError(c);
    }
  }

  /** Whether visiting {@code c} can set nothing more: all it looks for has its first place. */
  private boolean found(char c) {
    return switch (c) {
      case '@' -> at >= 0;
      case '=' -> equals >= 0;
      case ':' -> colon >= 0 && ipv6Colon >= 0 && urlPassword >= 0;
      case '-' -> dashSecret >= 0;
      case 'A' -> awsOrGoogleKey >= 0;
      case 'B', 'b' -> bearer >= 0;
      default -> throw new AssertionError(c);
    };
  }

  /**
   * In long texts, the literals around '_' and 'J', found with String.indexOf(char), which is
   * vectorised and costs little per char, then checked around each hit.
   */
  private void literals(String s) {
    // gh?_…, github_pat_…, sk_live_…, rk_live_…: the literal's first '_'
    for (int i = s.indexOf('_', 2); i >= 0 && underscoreSecret < 0; i = s.indexOf('_', i + 1)) {
      if (s.startsWith("gh", i - 3) || s.startsWith("github_pat_", i - 6)
          || s.charAt(i - 1) == 'k' && s.startsWith("_live_", i)) underscoreSecret = i;
    }
    for (int i = s.indexOf('J', 2); i >= 0 && jwt < 0; i = s.indexOf('J', i + 1)) {
      if (s.charAt(i - 1) == 'y' && s.charAt(i - 2) == 'e') jwt = i - 2;
    }
  }

  /**
   * Whether the digits may make a long run, a dotted quad or an IBAN lead: seven of them in a
   * stretch without letters, three dots in their words, or a capital in or before their words.
   * Cheaper than working the runs out, and true whenever those would find something.
   */
  private static boolean runsMayMatter(byte[] b, int n, int from, int digits) {
    int stretch = 0, dots = 0;
    long previous = (long) LONGS.get(b, PAD + from - 8);
    for (int i = from; i < n; i += 8) {
      long x = (long) LONGS.get(b, PAD + i), d = between(x, '/', ':');
      long capitals = between(x, '@', '['), letters = capitals | between(x, '`', '{');
      if (letters == 0) {
        stretch += Long.bitCount(d);
      } else { // a stretch between two letters of one word is too short to matter
        if ((stretch += Long.bitCount(d & (Long.lowestOneBit(letters) - 1))) >= LONG_RUN) return true;
        stretch = Long.bitCount(d & -(Long.highestOneBit(letters) << 1));
      }
      if (d != 0) {
        // a '.' between two digits shares a word with one of them; so does an IBAN's second capital
        dots += Long.bitCount(equal(x, '.'));
        boolean ibanLeadNear = n >= SHORTEST_IBAN && (capitals | between(previous, '@', '[')) != 0;
        if (ibanLeadNear || digits >= 4 && dots >= 3) return true;
      }
      previous = x;
    }
    return stretch >= LONG_RUN;
  }

  /** Works out the digit runs, the first dotted quad and the first IBAN lead, from word {@code from} on. */
  private void runs(String s, byte[] b, int n, int from) {
    int next = 0; // positions before it are done
    for (int i = from; i < n; i += 8) {
      for (long d = between((long) LONGS.get(b, PAD + i), '/', ':'); d != 0; d &= d - 1) {
        int p = i + Swar.firstByte(d);
        if (p >= next && Chars.isDigit(s.charAt(p))) next = run(s, p);
      }
      if (next > i + 8) i = next - 8; // a run went past this word
    }
  }

  /** Takes in the digit run starting at {@code first}; returns the index past its last digit. */
  private int run(String s, int first) {
    int n = s.length(), last = first, digits = 0, gap = 0, dots = 0, firstDot = -1;
    for (int j = first; j < n; j++) {
      char d = s.charAt(j);
      if (Chars.isDigit(d)) {
        digits++;
        last = j;
        gap = 0;
        if (j >= 2 && s.charAt(j - 1) == '.' && Chars.isDigit(s.charAt(j - 2))) {
          if (dots++ == 0) firstDot = j - 1;
          if (dots == 3 && dottedDigits < 0) dottedDigits = firstDot;
        }
        // "DE89…": two capitals then two digits
        if (ibanLead < 0 && j >= 3 && Chars.isUpper(s.charAt(j - 2)) && Chars.isUpper(s.charAt(j - 3))
            && Chars.isDigit(s.charAt(j - 1))) ibanLead = j - 3;
      } else if (!isSeparator(d) || ++gap > MAX_GAP) {
        break;
      } else if (d != '.') {
        dots = 0; // the end of a stretch of digits and dots
      }
    }
    maxDigitRun = Math.max(maxDigitRun, digits);
    if (digits >= LONG_RUN) addRun(first, last + 1, digits);
    return last + 1;
  }

  /** Where {@code literal}'s group may first occur, or -1 when it does not occur. */
  int secret(Secret literal) {
    return switch (literal) {
      case DASH -> dashSecret;
      case UNDERSCORE -> underscoreSecret;
      case AWS_OR_GOOGLE_KEY -> awsOrGoogleKey;
      case JWT -> jwt;
      case BEARER -> bearer;
      case URL_PASSWORD -> urlPassword;
    };
  }

  private void addRun(int first, int end, int digits) {
    if (runs.length == runCount * 3) runs = Arrays.copyOf(runs, Math.max(6, runs.length * 2));
    runs[runCount * 3] = first;
    runs[runCount * 3 + 1] = end;
    runs[runCount++ * 3 + 2] = digits;
  }

  /** Number of runs with at least {@link #LONG_RUN} digits. */
  int runs() {
    return runCount;
  }

  /** Index of run {@code k}'s first digit. */
  int runStart(int k) {
    return runs[k * 3];
  }

  /** Index just past run {@code k}'s last digit. */
  int runEnd(int k) {
    return runs[k * 3 + 1];
  }

  int runDigits(int k) {
    return runs[k * 3 + 2];
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+'
        || c == '\u00a0';
  }

  private static boolean isIpv6Part(int c) {
    return c == ':' || Chars.isHex((char) c);
  }
}
