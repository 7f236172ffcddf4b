package dev.vigil.server.ingest.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the shipped price list: a JSON array of {@code {model, provider, pattern, input, output,
 * cache_read?, cache_write?, reasoning?, tiers?}} with prices in USD per 1M tokens. Any malformed entry
 * fails the whole load, naming the model, so a bad edit cannot ship silently.
 */
final class PriceFile {

  private PriceFile() {}

  static List<PriceTable.Entry> read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.isArray()) throw new IllegalStateException("price list must be a JSON array");
    List<PriceTable.Entry> entries = new ArrayList<>(root.size());
    for (JsonNode node : root) {
      String model = text(node, "model", "?");
      try {
        entries.add(entry(node, model));
      } catch (RuntimeException e) {
        throw new IllegalStateException("bad price entry for model " + model + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static PriceTable.Entry entry(JsonNode node, String model) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(text(node, "pattern", null), Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern does not compile: " + e.getDescription(), e);
    }
    List<PriceTier> tiers = new ArrayList<>();
    for (JsonNode tier : node.path("tiers")) {
      tiers.add(new PriceTier(required(tier, "above_input_tokens").asLong(), price(tier, "input"),
          price(tier, "output"), optional(tier, "cache_read"), optional(tier, "cache_write"),
          optional(tier, "reasoning")));
    }
    ModelPrice price = new ModelPrice(model, text(node, "provider", null), price(node, "input"),
        price(node, "output"), optional(node, "cache_read"), optional(node, "cache_write"),
        optional(node, "reasoning"), tiers);
    return new PriceTable.Entry(pattern, price);
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual() && !value.asText().isBlank()) return value.asText();
    if (fallback != null) return fallback;
    throw new IllegalArgumentException("missing text field " + field);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) throw new IllegalArgumentException("missing number " + field);
    return value;
  }

  private static double price(JsonNode node, String field) {
    return required(node, field).asDouble();
  }

  private static Double optional(JsonNode node, String field) {
    return node.hasNonNull(field) ? price(node, field) : null;
  }
}
