package dev.vigil.server.config;

import java.nio.file.Path;
import java.util.Map;

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
    StorageOptions storage,
    int sqlTimeoutSeconds,
    int sqlMaxRows,
    String piiDefaultRegion,
    int retentionCheckIntervalMinutes,
    Scoring scoring,
    Alerting alerting) {

  /**
   * The embedded store's settings: DuckDB's memory limit, the spans accepted but not yet indexed
   * before ingest sheds load, and DuckDB's threads (0: one per core).
   */
  public record StorageOptions(String memoryLimit, long maxPendingSpans, int threads) {}

  /**
   * The scoring pipeline's settings; {@code scorecardsDir} is already resolved, {@code pluginsDir} is
   * null when not set, {@code judges} are the named LLM judges, {@code maxLagSeconds} paces ingest
   * when scoring lags (0: never).
   */
  public record Scoring(boolean enabled, Path scorecardsDir, int workers, int evaluatorTimeoutMs, int maxAttempts,
      int retryBackoffSeconds, int batchSpans, Path pluginsDir, double judgeDailyBudgetUsd, Map<String, Judge> judges,
      int maxLagSeconds) {

    public Scoring {
      judges = judges == null ? Map.of() : Map.copyOf(judges);
    }

    /** Without plugins and judges. */
    public Scoring(boolean enabled, Path scorecardsDir, int workers, int evaluatorTimeoutMs, int maxAttempts,
        int retryBackoffSeconds, int batchSpans) {
      this(enabled, scorecardsDir, workers, evaluatorTimeoutMs, maxAttempts, retryBackoffSeconds, batchSpans, null, 10.0, Map.of(), 0);
    }

    public Scoring withEnabled(boolean on) {
      return new Scoring(on, scorecardsDir, workers, evaluatorTimeoutMs, maxAttempts, retryBackoffSeconds, batchSpans, pluginsDir,
          judgeDailyBudgetUsd, judges, maxLagSeconds);
    }
  }

  /**
   * One LLM judge ({@code scoring.judges.<name>}); {@code apiKey} was read from the environment
   * variable {@code apiKeyEnv} (both null when the endpoint needs no key).
   */
  public record Judge(String name, String baseUrl, String model, String apiKeyEnv, String apiKey, double inputUsdPerMTok,
      double outputUsdPerMTok, int timeoutMs, int maxOutputTokens) {

    @Override
    public String toString() { // never print the API key
      return "Judge[name=" + name + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv + "]";
    }
  }

  /**
   * Alert rules and where notifications go. {@code rulesFile} null: no rules. {@code smtpHost} null:
   * email channels fail visibly. {@code publicUrl} null: notifications carry no link to Vigil.
   */
  public record Alerting(Path rulesFile, int intervalSeconds, String publicUrl, String smtpHost, int smtpPort,
      String smtpFrom, String smtpUsername, String smtpPassword, boolean smtpStartTls, Digest digest) {

    @Override
    public String toString() { // never print the SMTP password
      return "Alerting[rulesFile=" + rulesFile + ", intervalSeconds=" + intervalSeconds + ", smtpHost=" + smtpHost
          + ", digest=" + digest + "]";
    }
  }

  /** The weekly digest: sent to {@code channels} (none: no digest) on {@code day} at {@code hour} UTC. */
  public record Digest(java.util.List<String> channels, java.time.DayOfWeek day, int hour) {
    public Digest {
      channels = java.util.List.copyOf(channels);
    }
  }

  /** A copy bound to another address and port (tests: 127.0.0.1 and port 0). */
  public VigilConfig withAddress(String newHost, int newPort) {
    return new VigilConfig(newHost, newPort, dataDir, initApiKey, adminPassword, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring, alerting);
  }

  public VigilConfig withDataDir(Path newDataDir) {
    return new VigilConfig(host, port, newDataDir, initApiKey, adminPassword, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring, alerting);
  }

  public VigilConfig withInitApiKey(String key) {
    return new VigilConfig(host, port, dataDir, key, adminPassword, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring, alerting);
  }

  /** A copy with the first admin's password set (tests; otherwise VIGIL_ADMIN_PASSWORD). */
  public VigilConfig withAdminPassword(String password) {
    return new VigilConfig(host, port, dataDir, initApiKey, password, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring, alerting);
  }

  public VigilConfig withScoring(Scoring newScoring) {
    return new VigilConfig(host, port, dataDir, initApiKey, adminPassword, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, newScoring, alerting);
  }

  public VigilConfig withAlerting(Alerting newAlerting) {
    return new VigilConfig(host, port, dataDir, initApiKey, adminPassword, sessionTtlHours, maxBodyBytes,
        maxDecompressedBytes, storage, sqlTimeoutSeconds, sqlMaxRows, piiDefaultRegion,
        retentionCheckIntervalMinutes, scoring, newAlerting);
  }

  @Override
  public String toString() { // never print the secrets
    return "VigilConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + "]";
  }
}
