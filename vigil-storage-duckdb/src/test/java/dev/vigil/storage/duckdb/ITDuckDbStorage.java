package dev.vigil.storage.duckdb;

import dev.vigil.storage.Storage;
import dev.vigil.storage.tests.ITAccounts;
import dev.vigil.storage.tests.ITAlertRules;
import dev.vigil.storage.tests.ITAlerts;
import dev.vigil.storage.tests.ITDatasets;
import dev.vigil.storage.tests.ITDeliveries;
import dev.vigil.storage.tests.ITFeedbackRates;
import dev.vigil.storage.tests.ITJudgeSpend;
import dev.vigil.storage.tests.ITMetrics;
import dev.vigil.storage.tests.ITMonitors;
import dev.vigil.storage.tests.ITProjects;
import dev.vigil.storage.tests.ITRetention;
import dev.vigil.storage.tests.ITReviewStore;
import dev.vigil.storage.tests.ITRollups;
import dev.vigil.storage.tests.ITSamples;
import dev.vigil.storage.tests.ITScoreMetrics;
import dev.vigil.storage.tests.ITScoringStore;
import dev.vigil.storage.tests.ITSessionsAndUsers;
import dev.vigil.storage.tests.ITSignals;
import dev.vigil.storage.tests.ITSpanWrites;
import dev.vigil.storage.tests.ITSqlConsole;
import dev.vigil.storage.tests.ITTenantIsolation;
import dev.vigil.storage.tests.ITTraceSearch;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** The storage contract, run against the embedded backend. */
class ITDuckDbStorage {

  static Storage openStorage(Path dir) {
    return DuckDbStorage.builder(dir).threads(2).recentSpanKeys(100_000).build();
  }

  static void flushStorage(Storage storage) {
    ((DuckDbStorage) storage).flush();
  }

  @Nested
  class SpanWrites extends ITSpanWrites {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class TraceSearch extends ITTraceSearch {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class SessionsAndUsers extends ITSessionsAndUsers {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Metrics extends ITMetrics {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  /** Rollups answer whenever a query allows it, however few spans (the default waits for 500k). */
  @Nested
  class Rollups extends ITRollups {
    @Override protected Storage open(Path dir) {
      return DuckDbStorage.builder(dir).threads(2).recentSpanKeys(100_000).minRollupSpans(0).build();
    }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Samples extends ITSamples {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Projects extends ITProjects {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Signals extends ITSignals {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Retention extends ITRetention {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class SqlConsole extends ITSqlConsole {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class TenantIsolation extends ITTenantIsolation {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Accounts extends ITAccounts {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Deliveries extends ITDeliveries {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Alerts extends ITAlerts {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class AlertRules extends ITAlertRules {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class ScoringStore extends ITScoringStore {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class ReviewStore extends ITReviewStore {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class FeedbackRates extends ITFeedbackRates {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class JudgeSpend extends ITJudgeSpend {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Monitors extends ITMonitors {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class Datasets extends ITDatasets {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }

  @Nested
  class ScoreMetrics extends ITScoreMetrics {
    @Override protected Storage open(Path dir) { return openStorage(dir); }
    @Override protected void flush(Storage s) { flushStorage(s); }
  }
}
