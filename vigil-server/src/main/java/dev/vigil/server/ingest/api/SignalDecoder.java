package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Feedback;
import dev.vigil.model.Score;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the bodies of {@code POST /api/v1/feedback} and {@code POST /api/v1/scores}: one item as a
 * JSON object, or {@code {"items": [...]}} / a bare array of them. Items have the shape of the
 * native ingest's "feedback" and "score" items (the {@code type} may be left out) and pass the same
 * validation. Unlike the native batch these are all-or-nothing: any invalid item fails the request
 * with every problem listed, so a client never has to reconcile a half-stored batch.
 */
public final class SignalDecoder {
  /** What decoded: the items, whether the body was a single object, and every problem found. */
  public record Decoded<T>(List<T> items, boolean single, List<String> errors) {
    public Decoded {
      items = List.copyOf(items);
      errors = List.copyOf(errors);
    }
  }

  private final Clock clock;
  private final ObjectMapper mapper;

  public SignalDecoder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.mapper = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  public Decoded<Feedback> feedback(byte[] body) {
    long now = Timestamps.epochNanos(clock.instant());
    BatchBuilder seen = new BatchBuilder();
    return decode(body, ItemType.FEEDBACK, (f, index) -> {
      Feedback item = FeedbackItems.decode(f, f.requiredText("id", Limits.MAX_ID_CHARS), now);
      seen.addFeedback(f, index, item);
      return item;
    });
  }

  public Decoded<Score> scores(byte[] body) {
    long now = Timestamps.epochNanos(clock.instant());
    BatchBuilder seen = new BatchBuilder();
    return decode(body, ItemType.SCORE, (f, index) -> {
      Score item = ScoreItems.decode(f, f.requiredText("id", Limits.MAX_ID_CHARS), now);
      seen.addScore(f, index, item);
      return item;
    });
  }

  private interface ItemDecoder<T> {
    T decode(Fields f, int index);
  }

  private <T> Decoded<T> decode(byte[] body, ItemType type, ItemDecoder<T> decoder) {
    if (body == null || body.length == 0) throw new IllegalArgumentException("body is empty");
    Utf8.requireValid(body);
    JsonNode root = parse(body);
    boolean single = root.isObject() && !root.has("items");
    List<JsonNode> nodes = new ArrayList<>();
    if (single) {
      nodes.add(root);
    } else {
      JsonNode items = root.isArray() ? root : root.get("items");
      if (!(items instanceof ArrayNode array)) {
        throw new IllegalArgumentException("body must be one " + type.wireName() + " object, an array of them, "
            + "or {\"items\": [...]}");
      }
      if (array.isEmpty()) throw new IllegalArgumentException("no items: send at least one " + type.wireName());
      if (array.size() > Limits.MAX_ITEMS) {
        throw new IllegalArgumentException("too many items: at most " + Limits.MAX_ITEMS + " per request");
      }
      array.forEach(nodes::add);
    }
    List<T> out = new ArrayList<>(nodes.size());
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String path = single ? "body" : "items[" + i + "]";
      try {
        if (!(nodes.get(i) instanceof ObjectNode object)) {
          throw new InvalidItem(path + ": expected an object, got " + Json.describe(nodes.get(i)));
        }
        Fields f = new Fields(object, path);
        String sentType = f.text("type", Limits.MAX_SHORT_CHARS);
        if (sentType != null && !sentType.equals(type.wireName())) {
          throw f.error("type", "must be \"" + type.wireName() + "\" here (or left out), got \"" + sentType + "\"");
        }
        out.add(decoder.decode(f, i));
      } catch (InvalidItem e) {
        errors.add(e.getMessage());
      }
    }
    return new Decoded<>(out, single, errors);
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !(root.isObject() || root.isArray())) {
        throw new IllegalArgumentException("body must be a JSON object or array");
      }
      return root;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("body could not be read: " + e.getMessage(), e);
    }
  }
}
