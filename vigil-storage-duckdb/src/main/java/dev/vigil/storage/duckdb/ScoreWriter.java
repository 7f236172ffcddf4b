package dev.vigil.storage.duckdb;

import dev.vigil.model.Score;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes scores into {@code score_values}, which has no primary key (it cost 4x an insert): the insert
 * itself drops ids already stored, and writers take turns so two never race on one id. Each distinct
 * kind (name, type, source and metadata) goes once into {@code score_kinds} under a hash of its
 * content; kinds written recently are remembered so that a page whose kinds are all known skips that
 * statement. The scoring pipeline writes a page's scores in the same transaction as its checkpoint
 * (one commit, one WAL sync).
 */
final class ScoreWriter {
  private static final int KNOWN_KINDS = 4096;
  private static final String COLUMNS = "s.id_hi, s.id_lo, s.id, s.trace_hi, s.trace_lo, s.trace_id, s.span, s.span_id, "
      + "s.value, s.label, s.comment, s.time_ns, s.kind_id";
  /** Equal ids have equal columns ({@link ScoreIds}); an evaluator's have no text id, others no halves. */
  private static final String SAME_ID = "f.id_hi IS NOT DISTINCT FROM s.id_hi AND f.id_lo IS NOT DISTINCT FROM s.id_lo "
      + "AND f.id IS NOT DISTINCT FROM s.id";
  private static final String RETURNING = " RETURNING " + ScoreIds.ID_SQL;

  private final Database db;
  private final StoredScoreKeys stored = new StoredScoreKeys();
  private final ScoreRowsScan scan;
  private final Set<KindKey> known = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<KindKey, Boolean> eldest) {
      return size() > KNOWN_KINDS;
    }
  });

  ScoreWriter(Database db, ScoreRowsScan scan) {
    this.db = db;
    this.scan = scan;
  }

  /**
   * Writes {@code scores} and runs {@code alsoInTransaction} (may be null) in one transaction.
   * @return the ids that were new
   */
  Set<String> write(String what, long projectId, List<Score> scores, Database.Work<?> alsoInTransaction) {
    return write(what, projectId, scores, alsoInTransaction, true);
  }

  /**
   * As {@link #write(String, long, List, Database.Work)}; without {@code newIds} the ids are not read
   * back (the scoring pipeline does not need them, and returning a page's ids cost a string each).
   * @return the ids that were new, or an empty set when not asked for
   */
  Set<String> write(String what, long projectId, List<Score> scores, Database.Work<?> alsoInTransaction, boolean newIds) {
    Map<String, Score> unique = new LinkedHashMap<>();
    for (Score s : scores) unique.putIfAbsent(s.id(), s); // one statement must not insert a key twice
    long key = scan.stage(List.copyOf(unique.values()));
    ScoreRowsScan.Staged batch = scan.staged(key);
    try {
      synchronized (this) {
        Set<KindKey> kinds = new HashSet<>();
        for (long id : batch.kindIds()) kinds.add(new KindKey(projectId, id));
        boolean newKinds = !known.containsAll(kinds);
        Set<String> created = db.transaction(what, conn -> {
          Set<String> ids = new HashSet<>();
          if (batch.size > 0) {
            if (newKinds) insertKinds(conn, key, projectId);
            boolean check = !batch.onlyEvals || stored.mayContainAny(conn, projectId, batch.subjectKeys);
            insertFacts(conn, key, projectId, batch, check, newIds ? ids : null);
          }
          if (alsoInTransaction != null) alsoInTransaction.run(conn);
          return ids;
        });
        known.addAll(kinds); // only once committed: a rolled-back kind must be written again
        if (batch.size > 0) stored.added(projectId, batch.subjectKeys);
        return created;
      }
    } finally {
      scan.release(key);
    }
  }

  /** Drops the kinds no stored score refers to any more (after retention). */
  synchronized void purgeUnusedKinds(long projectId) {
    known.clear();
    stored.clear(); // rebuilt smaller from what retention left
    db.transaction("score kinds", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("DELETE FROM score_kinds k WHERE project_id = ? AND NOT EXISTS "
          + "(SELECT 1 FROM score_values f WHERE f.project_id = k.project_id AND f.kind_id = k.id)")) {
        ps.setLong(1, projectId);
        return ps.executeUpdate();
      }
    });
  }

  private record KindKey(long projectId, long id) {}

  private static void insertKinds(Connection conn, long key, long projectId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO score_kinds SELECT ?, kind_id, name, data_type, source, "
        + "CASE WHEN mk IS NULL THEN MAP {}::MAP(VARCHAR, VARCHAR) ELSE map(string_split(mk, chr(31)), string_split(mv, chr(31))) END "
        + "FROM " + ScoreRowsScan.NAME + "(" + key + ") WHERE name IS NOT NULL ON CONFLICT DO NOTHING")) {
      ps.setLong(1, projectId);
      ps.executeUpdate();
    }
  }

  /**
   * A batch of evaluator scores is looked up only among stored scores of its own times: an
   * evaluator's score id is derived from its subject, whose start time it carries, so a repeat has
   * the same time. The time ranges ({@link TimeRanges}) prune all but a few of the table's row
   * groups, and the batch's distinct times, bound as one array, drop the other rows of those groups
   * before their ids are read and hashed: when a page's range is wide (a backfill, or the benchmark's
   * spans spread over an hour) that was most of the look-up, over every score of the range.
   * Any other batch (API, annotations, feedback) is checked against every score of the project.
   * Without {@code check} (no subject of the batch was ever scored, {@link StoredScoreKeys}) nothing is
   * looked up. {@code ids}: where to put the ids inserted, or null when nobody needs them.
   */
  private static void insertFacts(Connection conn, long key, long projectId, ScoreRowsScan.Staged batch, boolean check,
      Set<String> ids) throws SQLException {
    if (!check) {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO score_values SELECT ?, " + COLUMNS + " FROM " + ScoreRowsScan.NAME
          + "(" + key + ") s" + (ids == null ? "" : RETURNING))) {
        ps.setLong(1, projectId);
        if (ids == null) {
          ps.executeUpdate();
        } else {
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getString(1));
          }
        }
      }
      return;
    }
    boolean timed = batch.onlyEvals;
    String stored = timed
        ? "(SELECT f.id_hi, f.id_lo, f.id, f.time_ns FROM score_values f WHERE f.project_id = ? AND " + TimeRanges.sql("f.time_ns", batch.timeRanges)
            + " AND f.time_ns IN (SELECT unnest(?::BIGINT[]))) f WHERE f.time_ns = s.time_ns AND "
        : "score_values f WHERE f.project_id = ? AND ";
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO score_values SELECT ?, " + COLUMNS + " FROM " + ScoreRowsScan.NAME
        + "(" + key + ") s WHERE NOT EXISTS (SELECT 1 FROM " + stored + SAME_ID + ")" + (ids == null ? "" : RETURNING))) {
      int p = 1;
      ps.setLong(p++, projectId);
      ps.setLong(p++, projectId);
      if (timed) {
        for (long[] r : batch.timeRanges) {
          ps.setLong(p++, r[0]);
          ps.setLong(p++, r[1]);
        }
        ps.setArray(p++, conn.createArrayOf("BIGINT", batch.distinctTimes));
      }
      if (ids == null) {
        ps.executeUpdate();
        return;
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) ids.add(rs.getString(1));
      }
    }
  }
}
