package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads {@link Score}s from rows of {@code score_rows} selected as {@link #COLUMNS}. */
final class ScoreRows {
  /** The columns {@link #read} expects, in order; prefix them with a table alias where needed. */
  static final String COLUMNS = "id, trace_id, span_id, name, data_type, value, label, source, comment, time_ns, "
      + "map_keys(metadata), map_values(metadata)";

  private ScoreRows() {}

  static Score read(ResultSet rs) throws SQLException {
    return new Score(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        ScoreDataType.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), (Double) rs.getObject(6),
        rs.getString(7), ScoreSource.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)),
        rs.getString(9), rs.getLong(10), map(rs, 11));
  }

  /** A MAP column read as {@code map_keys(m), map_values(m)} at {@code keysColumn} and the next (scores, change events). */
  static Map<String, String> map(ResultSet rs, int keysColumn) throws SQLException {
    Array keys = rs.getArray(keysColumn);
    Array values = rs.getArray(keysColumn + 1);
    Map<String, String> map = new LinkedHashMap<>();
    if (keys == null || values == null) return map;
    Object[] k = (Object[]) keys.getArray();
    Object[] v = (Object[]) values.getArray();
    for (int i = 0; i < k.length; i++) map.put(String.valueOf(k[i]), v[i] == null ? null : String.valueOf(v[i]));
    return map;
  }
}
