package dev.vigil.storage.duckdb;

/** Columnar rollup rows for the indexer's table functions (see {@link RollupBuilder}). */
final class RollupBatches {
  private RollupBatches() {}

  private static final String HISTOGRAMS = "CAST(lat_idx AS SMALLINT[]), CAST(lat_cnt AS BIGINT[]), "
      + "CAST(ttft_idx AS SMALLINT[]), CAST(ttft_cnt AS BIGINT[])";

  /** Rows of a span rollup table; histograms travel as list literals and are cast on insert. */
  static final class Spans extends ColumnBatch {
    final Column.I64 project = add(new Column.I64("project_id"));
    final Column.I64 period = add(new Column.I64("period_ns"));
    final Column.Bool root = add(new Column.Bool("is_root"));
    final Column.Str type = add(new Column.Str("span_type"));
    final Column.Str feature = add(new Column.Str("feature"));
    final Column.Str service = add(new Column.Str("service"));
    final Column.Str model = add(new Column.Str("model"));
    final Column.Str provider = add(new Column.Str("provider"));
    final Column.Str environment = add(new Column.Str("environment"));
    final Column.Bool error = add(new Column.Bool("is_error"));
    final Column.I64 n = add(new Column.I64("n"));
    final Column.I64 refusals = add(new Column.I64("refusals"));
    final Column.I64 tokensIn = add(new Column.I64("tokens_in"));
    final Column.I64 tokensOut = add(new Column.I64("tokens_out"));
    final Column.F64 cost = add(new Column.F64("cost"));
    final Column.I64 unpriced = add(new Column.I64("unpriced"));
    final Column.Str latIdx = add(new Column.Str("lat_idx"));
    final Column.Str latCnt = add(new Column.Str("lat_cnt"));
    final Column.Str ttftIdx = add(new Column.Str("ttft_idx"));
    final Column.Str ttftCnt = add(new Column.Str("ttft_cnt"));

    Spans(int expectedRows) {
      super(0, expectedRows);
    }

    static String insert(String table, String scan) {
      return "INSERT INTO " + table + " SELECT " + RollupSql.KEY + ", n, refusals, tokens_in, tokens_out, cost, "
          + "unpriced, " + HISTOGRAMS + " FROM " + scan + "()";
    }
  }

  /** Rows of {@code user_rollup}. */
  static final class Days extends ColumnBatch {
    final Column.I64 project = add(new Column.I64("project_id"));
    final Column.I64 day = add(new Column.I64("day_ns"));
    final Column.Str user = add(new Column.Str("user_id"));
    final Column.I64 n = add(new Column.I64("n"));
    final Column.I64 errors = add(new Column.I64("errors"));
    final Column.I64 refusals = add(new Column.I64("refusals"));
    final Column.I64 tokensIn = add(new Column.I64("tokens_in"));
    final Column.I64 tokensOut = add(new Column.I64("tokens_out"));
    final Column.F64 cost = add(new Column.F64("cost"));
    final Column.I64 unpriced = add(new Column.I64("unpriced"));
    final Column.Str latIdx = add(new Column.Str("lat_idx"));
    final Column.Str latCnt = add(new Column.Str("lat_cnt"));
    final Column.Str ttftIdx = add(new Column.Str("ttft_idx"));
    final Column.Str ttftCnt = add(new Column.Str("ttft_cnt"));

    Days(int expectedRows) {
      super(0, expectedRows);
    }

    static final String INSERT = "INSERT INTO user_rollup SELECT project_id, day_ns, user_id, n, errors, "
        + "refusals, tokens_in, tokens_out, cost, unpriced, " + HISTOGRAMS + " FROM ";
  }
}
