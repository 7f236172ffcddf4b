package dev.vigil.server.ingest.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 check (no overlongs, no encoded surrogates) in a small fixed buffer, whatever the body size. */
final class Utf8 {
  private Utf8() {}

  static void requireValid(byte[] body) {
    int i = 0;
    while (i < body.length && body[i] >= 0) i++;
    if (i == body.length) return; // all ASCII, the common case
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, i, body.length - i);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      var result = decoder.decode(in, out, true);
      if (result.isError()) throw new IllegalArgumentException("body is not valid UTF-8");
      if (result.isUnderflow()) break;
      out.clear();
    }
  }
}
