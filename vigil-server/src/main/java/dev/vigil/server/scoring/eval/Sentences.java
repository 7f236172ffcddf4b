package dev.vigil.server.scoring.eval;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences and documents into passages, for sentence-level grounding. */
final class Sentences {
  private Sentences() {}

  /** Sentences of the text, trimmed; Markdown bullets and numbered lines count as sentences too. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R+")) {
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
      it.setText(line);
      int start = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = line.substring(start, end).strip().replaceFirst("^([-*•]|\\d+[.)])\\s+", "");
        if (!s.isEmpty()) out.add(s);
      }
    }
    return out;
  }

  /** Whether a sentence states something: at least {@code minWords} words ("Sure!" and "Hope this helps." do not). */
  static boolean isClaim(String sentence, int minWords) {
    return sentence.strip().split("[\\s]+").length >= minWords;
  }

  /**
   * A document as passages of whole sentences up to about {@code maxChars} each: a sentence of the
   * answer is compared with each passage, because a whole long document's vector blurs the one fact
   * the sentence repeats.
   */
  static List<String> passages(String document, int maxChars) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String s : of(document)) {
      if (!current.isEmpty() && current.length() + s.length() + 1 > maxChars) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (!current.isEmpty()) current.append(' ');
      current.append(s);
    }
    if (!current.isEmpty()) out.add(current.toString());
    return out;
  }
}
