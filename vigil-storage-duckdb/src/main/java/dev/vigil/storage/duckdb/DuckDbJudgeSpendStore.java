package dev.vigil.storage.duckdb;

import dev.vigil.storage.JudgeSpendStore;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/** Judge spend per project, day and judge: one row upserted per call, in its own short transaction. */
final class DuckDbJudgeSpendStore implements JudgeSpendStore {
  private final Database db;

  DuckDbJudgeSpendStore(Database db) {
    this.db = db;
  }

  @Override
  public void add(long projectId, LocalDate day, String judge, long inputTokens, long outputTokens, double costUsd) {
    db.transaction("judge spend", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("""
          INSERT INTO judge_spend VALUES (?, ?, ?, 1, ?, ?, ?)
          ON CONFLICT (project_id, day, judge) DO UPDATE SET calls = calls + 1,
            input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens,
            cost_usd = cost_usd + excluded.cost_usd""")) {
        ps.setLong(1, projectId);
        ps.setDate(2, Date.valueOf(day));
        ps.setString(3, judge);
        ps.setLong(4, inputTokens);
        ps.setLong(5, outputTokens);
        ps.setDouble(6, costUsd);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Spend spent(long projectId, LocalDate day) {
    return db.read("judge spend", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(sum(calls), 0), coalesce(sum(input_tokens), 0), "
          + "coalesce(sum(output_tokens), 0), coalesce(sum(cost_usd), 0) FROM judge_spend WHERE project_id = ? AND day = ?")) {
        ps.setLong(1, projectId);
        ps.setDate(2, Date.valueOf(day));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new Spend(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4));
        }
      }
    });
  }
}
