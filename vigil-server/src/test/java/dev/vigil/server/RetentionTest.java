package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import dev.vigil.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  @TempDir
  Path dir;

  static Span span(Instant at) {
    String traceId = OtlpFixtures.randomHex(16);
    long t = at.getEpochSecond() * 1_000_000_000L;
    return Span.builder().traceId(traceId).spanId(OtlpFixtures.randomHex(8)).name("x").startEpochNanos(t).build();
  }

  @Test
  void eachProjectKeepsItsOwnNumberOfDays() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    try (DuckDbStorage storage = DuckDbStorage.builder(dir).build()) {
      long week = storage.projectStore().createProject("week", null).id();
      storage.projectStore().updateSettings(week, new ProjectSettings(7, null, null, null, null));
      long month = storage.projectStore().createProject("month", null).id();
      Span old = span(now.minus(Duration.ofDays(10)));
      Span oldToo = span(now.minus(Duration.ofDays(10)));
      Span fresh = span(now.minus(Duration.ofDays(1)));
      storage.spanConsumer().accept(week, List.of(old, fresh), List.of());
      storage.spanConsumer().accept(month, List.of(oldToo), List.of());
      storage.flush();

      new Retention(storage, Clock.fixed(now, ZoneOffset.UTC)).run();

      assertThat(storage.spanStore().getTrace(week, old.traceId())).isEmpty();
      assertThat(storage.spanStore().getTrace(week, fresh.traceId())).hasSize(1);
      assertThat(storage.spanStore().getTrace(month, oldToo.traceId())).hasSize(1); // 30 days by default
    }
  }
}
