package dev.vigil.server.ingest.api;

/**
 * One item is invalid; the message starts with the field path ("items[3].usage.input_tokens: …").
 * No stack trace: it is expected input, reported to the client, and can occur a thousand times a request.
 */
final class InvalidItem extends RuntimeException {
  InvalidItem(String message) {
    super(message, null, false, false);
  }
}
