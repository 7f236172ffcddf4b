package dev.vigil.storage.duckdb;

/** A log record or block that does not decode: torn write, bit rot, or a bug. */
final class CorruptRecordException extends RuntimeException {
  CorruptRecordException(String message) {
    super(message);
  }
}
