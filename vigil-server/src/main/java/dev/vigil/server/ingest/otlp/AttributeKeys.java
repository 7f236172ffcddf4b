package dev.vigil.server.ingest.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Attribute keys of one request, each decoded once: a 512-span batch repeats the same ~25 keys on
 * every span, and one String per distinct key is what the generated parser would have made 12,000
 * of. Reads straight from the request's bytes; keys that are not short ASCII are decoded as usual.
 */
final class AttributeKeys {
  private static final int MAX_CACHED = 64;
  private static final int SLOTS = 256; // a power of two; a full table just stops caching

  private final byte[] body;
  private final String[] strings = new String[SLOTS];
  private final int[] offsets = new int[SLOTS];
  private int used;

  AttributeKeys(byte[] body) {
    this.body = body;
  }

  /** The length-delimited string at the reader's position, checked as readStringRequireUtf8 checks it. */
  String read(CodedInputStream in) throws IOException {
    int length = in.readRawVarint32();
    int at = in.getTotalBytesRead();
    in.skipRawBytes(length); // validates the length against the limit and the body first
    if (length > MAX_CACHED) return decode(at, length);
    int hash = 1;
    for (int i = at, end = at + length; i < end; i++) {
      byte b = body[i];
      if (b < 0) return decode(at, length);
      hash = 31 * hash + b;
    }
    int mask = SLOTS - 1;
    for (int slot = (hash ^ (hash >>> 16)) & mask, probes = 0; probes < SLOTS; slot = (slot + 1) & mask, probes++) {
      String s = strings[slot];
      if (s == null) {
        if (used * 2 >= SLOTS) return decode(at, length);
        String key = new String(body, at, length, StandardCharsets.ISO_8859_1);
        strings[slot] = key;
        offsets[slot] = at;
        used++;
        return key;
      }
      if (s.length() == length && Arrays.equals(body, offsets[slot], offsets[slot] + length, body, at, at + length)) {
        return s;
      }
    }
    return decode(at, length);
  }

  private String decode(int at, int length) throws InvalidProtocolBufferException {
    if (Utf8.firstInvalid(body, at, at + length) >= 0) {
      throw new InvalidProtocolBufferException("Protocol message had invalid UTF-8.");
    }
    return new String(body, at, length, StandardCharsets.UTF_8);
  }
}
