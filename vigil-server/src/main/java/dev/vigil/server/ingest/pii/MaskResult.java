package dev.vigil.server.ingest.pii;

import java.util.Map;
import java.util.Objects;

/**
 * Masked text and how many values of each kind were replaced (email, phone, card, iban, ssn, ip,
 * secret, or a custom rule's name). When nothing was found {@code text} is the very instance given.
 */
public record MaskResult(String text, Map<String, Integer> counts) {
  public MaskResult {
    Objects.requireNonNull(text, "text == null");
    counts = counts == null ? Map.of() : Map.copyOf(counts);
  }
}
