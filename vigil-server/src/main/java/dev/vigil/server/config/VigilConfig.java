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
    int retentionCheckIntervalMinutes,
    Scoring scoring) {

  /** The scoring pipeline's settings; {@code scorecardsDir} is already resolved. */
  public record Scoring(boolean enabled, Path scorecardsDir, int workers, int evaluatorTimeoutMs, int maxAttempts,
      int retryBackoffSeconds, int batchSpans) {

    public Scoring withEnabled(boolean on) {
      return new Scoring(on, scorecardsDir, workers, evaluatorTimeoutMs, maxAttempts, retryBackoffSeconds, batchSpans);
    }
  }

  /** A copy bound to another address and port (tests: 127.0.0.1 and port 0). */
  public VigilConfig withAddress(String newHost, int newPort) {
    return new VigilConfig(newHost, newPort, dataDir, initApiKey, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring);
  }

  public VigilConfig withDataDir(Path newDataDir) {
    return new VigilConfig(host, port, newDataDir, initApiKey, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring);
  }

  public VigilConfig withScoring(Scoring newScoring) {
    return new VigilConfig(host, port, dataDir, initApiKey, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, newScoring);
  }

  public VigilConfig withInitApiKey(String key) {
    return new VigilConfig(host, port, dataDir, key, maxBodyBytes, maxDecompressedBytes,
        storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring);
  }
}
