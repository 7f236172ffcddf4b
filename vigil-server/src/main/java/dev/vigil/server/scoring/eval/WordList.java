package dev.vigil.server.scoring.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms with a category each, matched as whole words in any case: a term matches only where no letter
 * or digit touches it on either side, so "Scunthorpe", "classic" and "therapist" match nothing, and the
 * spaces of a multi-word term match any run of whitespace. One alternation, longest terms first, so
 * "piece of shit" wins over "shit" at the same place.
 */
final class WordList {
  /** The LDNOOBW English list with Vigil's categories, loaded once. */
  static final WordList LDNOOBW = load("ldnoobw-en.txt", "toxicity-categories.txt", "sexual");

  private final Map<String, String> categoryByTerm;

  WordList(Map<String, String> categoryByTerm) {
    this.categoryByTerm = Map.copyOf(categoryByTerm);
  }

  Set<String> categories() {
    return Set.copyOf(categoryByTerm.values());
  }

  Map<String, String> terms() {
    return categoryByTerm;
  }

  /** A matcher for the terms of the given categories, less {@code ignore}, plus {@code extra} terms. */
  static Pattern pattern(Iterable<String> terms) {
    List<String> sorted = new ArrayList<>();
    terms.forEach(sorted::add);
    if (sorted.isEmpty()) return null;
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    StringBuilder alt = new StringBuilder();
    for (String t : sorted) {
      if (!alt.isEmpty()) alt.append('|');
      alt.append(Pattern.quote(t).replace(" ", "\\E\\s+\\Q"));
    }
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The canonical term a match stands for: lower case, single spaces. */
  static String canonical(Matcher m) {
    return m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static WordList load(String list, String categories, String fallback) {
    Map<String, String> category = new LinkedHashMap<>();
    for (String line : lines(categories)) {
      int colon = line.indexOf(':');
      for (String term : line.substring(colon + 1).split(",")) category.put(term.strip(), line.substring(0, colon).strip());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String term : lines(list)) out.put(term.toLowerCase(Locale.ROOT), category.getOrDefault(term, fallback));
    return new WordList(out);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = WordList.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("resource " + resource + " is missing from the build");
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
