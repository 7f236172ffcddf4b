package dev.vigil.model;

import java.util.Locale;

/**
 * End-user signals about an answer. Explicit ones (thumbs, rating, comment, correction) and implicit
 * ones (a follow-up question, abandoning, copying the answer) are kept apart because implicit signals
 * are far more common and explicit ones suffer from survivorship bias.
 */
public enum FeedbackKind {
  THUMBS_UP, THUMBS_DOWN, RATING, COMMENT, CORRECTION, FOLLOW_UP, ABANDONED, COPIED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FeedbackKind fromWireName(String name) {
    for (FeedbackKind k : values()) if (k.wireName().equals(name)) return k;
    throw new IllegalArgumentException("unknown feedback kind '" + name + "'; expected one of "
        + java.util.Arrays.stream(values()).map(FeedbackKind::wireName).toList());
  }
}
