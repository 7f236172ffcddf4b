package dev.vigil.server.config;

import java.nio.file.Path;

/** Vigil's configuration after defaults, the YAML file and environment variables are applied. */
public record VigilConfig(
    String host,
    int port,
    Path dataDir,
    String initApiKey,
    String adminPassword,
    int sessionTtlHours,
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
    return new VigilConfig(newHost, newPort, dataDir, initApiKey, adminPassword, sessionTtlHours,
        maxBodyBytes, maxDecompressedBytes, storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows,
        piiDefaultRegion, retentionCheckIntervalMinutes);
  }

  public VigilConfig withDataDir(Path newDataDir) {
    return new VigilConfig(host, port, newDataDir, initApiKey, adminPassword, sessionTtlHours,
        maxBodyBytes, maxDecompressedBytes, storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows,
        piiDefaultRegion, retentionCheckIntervalMinutes);
  }

  public VigilConfig withInitApiKey(String key) {
    return new VigilConfig(host, port, dataDir, key, adminPassword, sessionTtlHours,
        maxBodyBytes, maxDecompressedBytes, storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows,
        piiDefaultRegion, retentionCheckIntervalMinutes);
  }

  /** A copy with the first admin's password set (tests; otherwise VIGIL_ADMIN_PASSWORD). */
  public VigilConfig withAdminPassword(String password) {
    return new VigilConfig(host, port, dataDir, initApiKey, password, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storageMemoryLimit, maxPendingSpans, sqlTimeoutSeconds, sqlMaxRows,
        piiDefaultRegion, retentionCheckIntervalMinutes);
  }

  @Override
  public String toString() { // never print the secrets
    return "VigilConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + "]";
  }
}
