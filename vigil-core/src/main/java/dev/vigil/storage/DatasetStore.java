package dev.vigil.storage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Regression sets: named lists of traces per project, kept to replay or export. An item points at a
 * trace (its content stays in span storage, so retention still applies to it) and may carry the
 * expected answer and a note. Writes are idempotent: adding a trace twice keeps the first item.
 */
public interface DatasetStore {
  /** Items one dataset may hold. */
  int MAX_ITEMS = 100_000;

  /** Creates a dataset; false (and no change) when the project already has one by that name. */
  boolean create(long projectId, String name, String description, long createdEpochNanos);

  /** The project's datasets by name, with their item counts. */
  List<Dataset> list(long projectId);

  Optional<Dataset> get(long projectId, String name);

  /**
   * Adds items; returns the trace ids that were new. Throws {@link java.util.NoSuchElementException}
   * when the dataset does not exist, {@link IllegalArgumentException} when it would exceed
   * {@link #MAX_ITEMS} (nothing is added then).
   */
  Set<String> addItems(long projectId, String name, List<DatasetItem> items);

  /** Items in the order they were added (then by trace id); {@code cursor} from a previous page. */
  Page<DatasetItem> items(long projectId, String name, String cursor, int limit);

  boolean removeItem(long projectId, String name, String traceId);

  /** Deletes the dataset and its items; false when there was none. */
  boolean delete(long projectId, String name);
}
