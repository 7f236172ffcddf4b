package dev.vigil.storage;

/** Storage failed (disk full, I/O error, closed). The operation did not take effect. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
