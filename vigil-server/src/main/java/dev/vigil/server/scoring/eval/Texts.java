package dev.vigil.server.scoring.eval;

import java.util.Set;

/** Which side of the exchange a check reads, shared by the text evaluators. */
enum Texts {
  OUTPUT, INPUT, BOTH;

  static final Set<String> NAMES = Set.of("output", "input", "both");

  static Texts from(Options o, String fallback) {
    return valueOf(o.oneOf("check", fallback, NAMES).toUpperCase(java.util.Locale.ROOT));
  }

  boolean reads(String side) {
    return this == BOTH || name().equalsIgnoreCase(side);
  }

  /** The texts to read, as (side, text) in a fixed order; empty texts are skipped. */
  java.util.List<String[]> of(Subject s) {
    java.util.List<String[]> out = new java.util.ArrayList<>(2);
    if (reads("output") && !s.output().isEmpty()) out.add(new String[] {"output", s.output()});
    if (reads("input") && !s.input().isEmpty()) out.add(new String[] {"input", s.input()});
    return out;
  }

  static String quote(String text, int start, int end) {
    int from = Math.max(0, start - 30);
    int to = Math.min(text.length(), end + 30);
    return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
  }
}
