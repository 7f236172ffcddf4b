package dev.vigil.storage.duckdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of one request destined for one index table, captured at ingest and located in the log once
 * the block is durable ({@link #placeAt}). Rows found to be duplicates are skipped, not removed.
 */
abstract class ColumnBatch {
  final long projectId;
  final List<Column> columns = new ArrayList<>();
  final Column.I64 segId = add(new Column.I64("seg_id"));
  final Column.I64 blockOffset = add(new Column.I64("blk_off"));
  final Column.I64 blockIndex = add(new Column.I64("blk_idx"));
  int size;
  boolean[] skip;
  private int capacity;

  ColumnBatch(long projectId, int expectedRows) {
    this.projectId = projectId;
    this.capacity = 0;
    this.skip = new boolean[0];
    ensureCapacity(Math.max(1, expectedRows));
  }

  final <C extends Column> C add(C column) {
    columns.add(column);
    if (capacity > 0) column.grow(capacity);
    return column;
  }

  /** Starts a row and returns its index. */
  final int newRow(int recordIndex) {
    if (size == capacity) ensureCapacity(capacity * 2);
    int row = size++;
    blockIndex.set(row, (long) recordIndex);
    return row;
  }

  final void placeAt(BlockRef ref) {
    for (int i = 0; i < size; i++) {
      segId.set(i, (long) ref.segmentId());
      blockOffset.set(i, ref.offset());
    }
  }

  final int liveRows() {
    int n = 0;
    for (int i = 0; i < size; i++) if (!skip[i]) n++;
    return n;
  }

  private void ensureCapacity(int newCapacity) {
    capacity = newCapacity;
    skip = Arrays.copyOf(skip, newCapacity);
    for (Column c : columns) c.grow(newCapacity);
  }
}
