package dev.vigil.storage.tests;

import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle shared by the contract classes: a fresh backend in a temporary directory per test and
 * one project to write into. A backend supplies {@link #open} and {@link #flush}.
 */
public abstract class StorageTestBase {
  @TempDir
  protected Path dataDir;
  protected Storage storage;
  protected long project;

  /** Opens (or re-opens) the backend on {@code dataDir}. */
  protected abstract Storage open(Path dataDir);

  /** Waits until everything accepted so far is queryable. */
  protected abstract void flush(Storage storage);

  @BeforeEach
  void openStorage() {
    storage = open(dataDir);
    project = storage.projectStore().createProject("contract", null).id();
  }

  @AfterEach
  void closeStorage() {
    if (storage != null) storage.close();
  }

  protected void accept(List<Span> spans) {
    accept(project, spans);
  }

  protected void accept(long projectId, List<Span> spans) {
    storage.spanConsumer().accept(projectId, spans, List.of());
    flush(storage);
  }

  protected void attach(List<SpanAttachment> attachments) {
    storage.spanConsumer().accept(project, List.of(), attachments);
    flush(storage);
  }

  protected void reopen() {
    storage.close();
    storage = open(dataDir);
  }
}
