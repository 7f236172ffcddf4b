package dev.vigil.server.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Decodes a {@code POST /api/v1/ingest} body (format: docs/native-ingest.md). The envelope is read
 * with the streaming parser and each item as its own small tree, so parsing never holds a tree of the
 * whole batch, only of its largest item. Envelope problems throw {@link IllegalArgumentException} (HTTP 400); a bad item only
 * gets a 400 result of its own. Thread-safe.
 */
public final class NativeIngestDecoder {
  private static final Choice<ItemType> ITEM_TYPES = Choice.of(ItemType.class);

  private final Clock clock;
  private final ObjectMapper mapper;

  /** {@code clock} dates scores, feedback and changes sent without a timestamp. */
  public NativeIngestDecoder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    // Duplicate keys make a body ambiguous; reject rather than let the last one silently win.
    this.mapper = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  public NativeBatch decode(byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length == 0) throw new IllegalArgumentException("body is empty");
    Utf8.requireValid(body);
    long now = Timestamps.epochNanos(clock.instant()); // one "now" for the whole batch
    BatchBuilder batch = new BatchBuilder();
    try (JsonParser p = mapper.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("body must be a JSON object with an \"items\" array");
      }
      boolean sawItems = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!"items".equals(field)) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) throw new IllegalArgumentException("\"items\" must be an array");
        sawItems = true;
        for (int index = 0; p.nextToken() != JsonToken.END_ARRAY; index++) {
          if (index == Limits.MAX_ITEMS) {
            throw new IllegalArgumentException("too many items: at most " + Limits.MAX_ITEMS + " per request");
          }
          decodeItem(mapper.readTree(p), index, now, batch);
        }
      }
      if (!sawItems) throw new IllegalArgumentException("body must have an \"items\" array");
      if (p.nextToken() != null) throw new IllegalArgumentException("body is not valid JSON: data after the top-level object");
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("body could not be read: " + e.getMessage(), e); // not expected from a byte[]
    }
    return batch.build();
  }

  private void decodeItem(JsonNode node, int index, long now, BatchBuilder batch) {
    String path = "items[" + index + "]";
    String type = null;
    String id = null;
    try {
      if (!(node instanceof ObjectNode object)) throw new InvalidItem(path + ": expected an object, got " + Json.describe(node));
      Fields f = new Fields(object, path);
      ItemType itemType = f.required("type", f.choice("type", ITEM_TYPES));
      type = itemType.wireName();
      switch (itemType) {
        case TRACE, SPAN -> {
          SpanItems.Ids ids = SpanItems.ids(f, itemType == ItemType.TRACE);
          id = ids.spanId();
          batch.addSpan(f, index, SpanItems.decode(f, ids), itemType == ItemType.TRACE);
        }
        case SCORE -> {
          id = itemId(f);
          batch.addScore(f, index, ScoreItems.decode(f, id, now));
        }
        case FEEDBACK -> {
          id = itemId(f);
          batch.addFeedback(f, index, FeedbackItems.decode(f, id, now));
        }
        case CHANGE -> {
          id = itemId(f);
          batch.addChange(f, index, ChangeItems.decode(f, id, now));
        }
      }
      batch.addResult(ItemResult.created(index, type, id));
    } catch (InvalidItem e) {
      batch.addResult(ItemResult.invalid(index, type, id, e.getMessage()));
    }
  }

  private static String itemId(Fields f) {
    return f.requiredText("id", Limits.MAX_ID_CHARS);
  }
}
