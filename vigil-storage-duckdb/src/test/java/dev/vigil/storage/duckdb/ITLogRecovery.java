package dev.vigil.storage.duckdb;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Span;
import dev.vigil.storage.tests.TestObjects;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log is the source of truth: the index can be rebuilt from it, and torn tails are cut off. */
class ITLogRecovery {
  @TempDir
  Path dir;

  private DuckDbStorage open() {
    return DuckDbStorage.builder(dir).threads(2).recentSpanKeys(10_000).maxSegmentBytes(8 * 1024).build();
  }

  @Test
  void indexIsRebuiltFromTheLogAfterLosingTheDatabase() throws IOException {
    List<List<Span>> traces = new ArrayList<>();
    long project;
    try (DuckDbStorage storage = open()) {
      project = storage.projectStore().createProject("p", null).id();
      for (int i = 0; i < 40; i++) { // enough to roll over several 8 KB segments
        List<Span> trace = TestObjects.trace(T0 + i, "support-chat", "gpt-4o");
        storage.spanConsumer().accept(project, trace, List.of());
        traces.add(trace);
      }
    }
    try (Stream<Path> segments = Files.list(dir.resolve("log").resolve("p" + project))) {
      assertThat(segments.count()).isGreaterThan(2);
    }
    Files.delete(dir.resolve("vigil.duckdb"));
    Files.deleteIfExists(dir.resolve("vigil.duckdb.wal"));

    try (DuckDbStorage storage = open()) {
      storage.flush();
      for (List<Span> trace : traces) {
        assertThat(storage.spanStore().getTrace(project, trace.get(0).traceId())).containsExactlyElementsOf(trace);
      }
    }
  }

  @Test
  void tornWriteAtTheEndIsTruncatedAndWritingContinues() throws IOException {
    long project;
    List<Span> before = TestObjects.trace(T0, "support-chat", "gpt-4o");
    try (DuckDbStorage storage = open()) {
      project = storage.projectStore().createProject("p", null).id();
      storage.spanConsumer().accept(project, before, List.of());
    }
    Path segment = lastSegment(project);
    long goodLength = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap(new byte[] {0x56, 0x47, 0x4C, 0x4B, 1, 0, 0, 0, 9, 9})); // half a block header
    }

    List<Span> after = TestObjects.trace(T0 + 1, "support-chat", "gpt-4o");
    try (DuckDbStorage storage = open()) {
      assertThat(Files.size(segment)).isEqualTo(goodLength);
      storage.spanConsumer().accept(project, after, List.of());
      storage.flush();
      assertThat(storage.spanStore().getTrace(project, before.get(0).traceId())).hasSize(3);
      assertThat(storage.spanStore().getTrace(project, after.get(0).traceId())).hasSize(3);
    }
    try (DuckDbStorage storage = open()) {
      storage.flush();
      assertThat(storage.spanStore().getTrace(project, after.get(0).traceId())).hasSize(3);
    }
  }

  private Path lastSegment(long project) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("log").resolve("p" + project))) {
      return files.sorted().reduce((a, b) -> b).orElseThrow();
    }
  }
}
