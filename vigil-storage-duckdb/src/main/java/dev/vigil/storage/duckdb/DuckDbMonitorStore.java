package dev.vigil.storage.duckdb;

import dev.vigil.storage.ChartState;
import dev.vigil.storage.MonitorStore;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TimedValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monitor inputs and state. Feedback carries hex trace ids while the index keeps ids as
 * integers, so the slice's spans are rendered to hex once (the slice is small: one window of one
 * feature) and joined to the feedback rows.
 */
final class DuckDbMonitorStore implements MonitorStore {
  private final Database db;

  DuckDbMonitorStore(Database db) {
    this.db = db;
  }

  @Override
  public List<TimedValue> thumbsValues(long projectId, SpanFilter slice, int limit) {
    SpanFilterSql w = new SpanFilterSql(projectId, slice, 0).dimensions(slice).spanRanges(slice);
    String sql = "WITH sl AS (SELECT " + IdCodec.traceSql("trace_hi", "trace_lo") + " AS tid, min(start_ns) AS start_ns "
        + "FROM span_index WHERE " + w.where() + " GROUP BY ALL) "
        + "SELECT sl.start_ns, CASE WHEN f.kind = 'thumbs_up' THEN 1.0 ELSE 0.0 END FROM feedback_rows f "
        + "JOIN sl ON f.trace_id = sl.tid WHERE f.project_id = ? AND f.kind IN ('thumbs_up', 'thumbs_down') "
        + "ORDER BY sl.start_ns, f.id LIMIT ?";
    List<Object> params = new ArrayList<>(w.params);
    params.add(projectId);
    params.add(limit);
    return values("feedback", sql, params);
  }

  private List<TimedValue> values(String what, String sql, List<Object> params) {
    return db.read(what, conn -> {
      List<TimedValue> out = new ArrayList<>();
      try (PreparedStatement ps = Sql.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new TimedValue(rs.getLong(1), rs.getDouble(2)));
      }
      return out;
    });
  }

  @Override
  public Optional<ChartState> chart(long projectId, String key) {
    return db.read("control chart", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT last_ns, n, mean, m2, ewma, cusum_high, cusum_low "
          + "FROM monitor_charts WHERE project_id = ? AND chart_key = ?")) {
        ps.setLong(1, projectId);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.empty();
          Double ewma = Sql.nullableDouble(rs, 5);
          return Optional.of(new ChartState(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
              ewma == null ? Double.NaN : ewma, rs.getDouble(6), rs.getDouble(7)));
        }
      }
    });
  }

  @Override
  public void saveChart(long projectId, String key, ChartState s) {
    db.transaction("save control chart", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO monitor_charts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, projectId);
        ps.setString(2, key);
        ps.setLong(3, s.lastEpochNanos());
        ps.setLong(4, s.observations());
        ps.setDouble(5, s.mean());
        ps.setDouble(6, s.m2());
        ps.setObject(7, Double.isNaN(s.ewma()) ? null : s.ewma());
        ps.setDouble(8, s.cusumHigh());
        ps.setDouble(9, s.cusumLow());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Set<String> markSeen(long projectId, Map<String, Long> firstSeen) {
    if (firstSeen.isEmpty()) return Set.of();
    return db.transaction("seen values", conn -> {
      Set<String> created = new HashSet<>();
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO seen_values VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING seen_key")) {
        for (var e : firstSeen.entrySet()) {
          ps.setLong(1, projectId);
          ps.setString(2, e.getKey());
          ps.setLong(3, e.getValue());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) created.add(rs.getString(1));
          }
        }
      }
      return created;
    });
  }

}
