package dev.vigil.server.config;

import java.nio.file.Path;

/** Vigil's configuration after defaults, the YAML file and environment variables are applied. */
public record VigilConfig(
    String host,
    int port,
    Path dataDir,
    String initApiKey,
    long maxBodyBytes,
    long maxDecompressedBytes,
    String storageMemoryLimit,
    long maxPendingSpans,
    int sqlTimeoutSeconds,
    int sqlMaxRows,
    String piiDefaultRegion,
    int retentionCheckIntervalMinutes) {

  /** A copy bound to another address and port (tests: 127.0.0.1 and port 0). */
  public VigilConfig withAddress(String newHost, int newPort) {
    return new VigilConfig(newHost, newPort, dataDir, initApiKey, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes);
  }

  public VigilConfig withDataDir(Path newDataDir) {
    return new VigilConfig(host, port, newDataDir, initApiKey, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes);
  }

  public VigilConfig withInitApiKey(String key) {
    return new VigilConfig(host, port, dataDir, key, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes);
  }
}
