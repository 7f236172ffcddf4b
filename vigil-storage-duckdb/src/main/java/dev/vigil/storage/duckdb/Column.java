package dev.vigil.storage.duckdb;

import java.util.Arrays;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBWritableVector;

/**
 * One column of a columnar batch: typed arrays filled at ingest, copied into DuckDB vectors by the
 * indexer's table function. Avoids a Java object per row and DuckDB's per-value appender overhead.
 */
abstract sealed class Column permits Column.Str, Column.I64, Column.F64, Column.Bool {
  final String name;

  Column(String name) {
    this.name = name;
  }

  abstract DuckDBColumnType type();

  abstract void emit(DuckDBWritableVector v, long outRow, int row);

  /**
   * Writes a whole output chunk: {@code batches[i]}'s row {@code rows[i]} goes to output row i. The
   * default is value by value; strings override it with one native call per chunk.
   */
  void emitChunk(DuckDBWritableVector v, ColumnBatch[] batches, int[] rows, int count, int columnIndex) {
    for (int i = 0; i < count; i++) batches[i].columns.get(columnIndex).emit(v, i, rows[i]);
  }

  abstract void grow(int capacity);

  static final class Str extends Column {
    String[] values = new String[0];

    Str(String name) {
      super(name);
    }

    @Override
    DuckDBColumnType type() {
      return DuckDBColumnType.VARCHAR;
    }

    void set(int row, String v) {
      values[row] = v;
    }

    @Override
    void emit(DuckDBWritableVector v, long outRow, int row) {
      String s = values[row];
      if (s == null) v.setNull(outRow);
      else v.setString(outRow, s);
    }

    /** Per-value setString locks and crosses into native code each time; a batch does it once. */
    @Override
    void emitChunk(DuckDBWritableVector v, ColumnBatch[] batches, int[] rows, int count, int columnIndex) {
      byte[][] utf8 = new byte[count][];
      for (int i = 0; i < count; i++) {
        String s = ((Str) batches[i].columns.get(columnIndex)).values[rows[i]];
        utf8[i] = s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      v.setStringUtf8Batch(0, utf8);
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }
  }

  static final class I64 extends Column {
    long[] values = new long[0];
    boolean[] nulls = new boolean[0];

    I64(String name) {
      super(name);
    }

    @Override
    DuckDBColumnType type() {
      return DuckDBColumnType.BIGINT;
    }

    void set(int row, Long v) {
      if (v == null) {
        nulls[row] = true;
      } else {
        nulls[row] = false;
        values[row] = v;
      }
    }

    @Override
    void emit(DuckDBWritableVector v, long outRow, int row) {
      if (nulls[row]) v.setNull(outRow);
      else v.setLong(outRow, values[row]);
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
    }
  }

  static final class F64 extends Column {
    double[] values = new double[0];
    boolean[] nulls = new boolean[0];

    F64(String name) {
      super(name);
    }

    @Override
    DuckDBColumnType type() {
      return DuckDBColumnType.DOUBLE;
    }

    void set(int row, Double v) {
      if (v == null) {
        nulls[row] = true;
      } else {
        nulls[row] = false;
        values[row] = v;
      }
    }

    @Override
    void emit(DuckDBWritableVector v, long outRow, int row) {
      if (nulls[row]) v.setNull(outRow);
      else v.setDouble(outRow, values[row]);
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
    }
  }

  static final class Bool extends Column {
    boolean[] values = new boolean[0];

    Bool(String name) {
      super(name);
    }

    @Override
    DuckDBColumnType type() {
      return DuckDBColumnType.BOOLEAN;
    }

    void set(int row, boolean v) {
      values[row] = v;
    }

    @Override
    void emit(DuckDBWritableVector v, long outRow, int row) {
      v.setBoolean(outRow, values[row]);
    }

    @Override
    void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }
  }
}
