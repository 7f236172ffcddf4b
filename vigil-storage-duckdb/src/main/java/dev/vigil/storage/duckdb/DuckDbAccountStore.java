package dev.vigil.storage.duckdb;

import dev.vigil.model.Account;
import dev.vigil.model.LoginSession;
import dev.vigil.storage.AccountStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Web UI accounts and sessions: two small tables, one statement per call. */
final class DuckDbAccountStore implements AccountStore {
  private static final String SESSION_COLUMNS = "token_hash, username, csrf_token, created_at, last_seen_at, expires_at";

  private final Database db;

  DuckDbAccountStore(Database db) {
    this.db = db;
  }

  @Override
  public Account createAccount(String username, String passwordHash, Instant now) {
    if (username == null || username.isBlank()) throw new IllegalArgumentException("username is required");
    Instant at = micros(now);
    return db.transaction("account store", conn -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM accounts WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) throw new IllegalArgumentException("user '" + username + "' already exists");
        }
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO accounts VALUES (?, ?, ?, ?)")) {
        ps.setString(1, username);
        ps.setString(2, passwordHash);
        ps.setTimestamp(3, Timestamp.from(at));
        ps.setTimestamp(4, Timestamp.from(at));
        ps.executeUpdate();
      }
      return new Account(username, passwordHash, at, at);
    });
  }

  @Override
  public Optional<Account> findAccount(String username) {
    return db.read("account store", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT username, password_hash, created_at, password_changed_at FROM accounts WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new Account(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)))
              : Optional.<Account>empty();
        }
      }
    });
  }

  @Override
  public boolean hasAccounts() {
    return db.read("account store", conn -> {
      try (var st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM accounts")) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    });
  }

  @Override
  public void updatePassword(String username, String passwordHash, Instant now) {
    db.transaction("account store", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE username = ?")) {
        ps.setString(1, passwordHash);
        ps.setTimestamp(2, Timestamp.from(micros(now)));
        ps.setString(3, username);
        if (ps.executeUpdate() == 0) throw new NoSuchElementException("no user '" + username + "'");
      }
      return null;
    });
  }

  @Override
  public void createSession(LoginSession s) {
    update("INSERT INTO login_sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", ps -> {
      ps.setString(1, s.tokenHash());
      ps.setString(2, s.username());
      ps.setString(3, s.csrfToken());
      ps.setTimestamp(4, Timestamp.from(micros(s.createdAt())));
      ps.setTimestamp(5, Timestamp.from(micros(s.lastSeenAt())));
      ps.setTimestamp(6, Timestamp.from(micros(s.expiresAt())));
    });
  }

  @Override
  public Optional<LoginSession> findSession(String tokenHash) {
    return db.read("account store", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT " + SESSION_COLUMNS + " FROM login_sessions WHERE token_hash = ?")) {
        ps.setString(1, tokenHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new LoginSession(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                  instant(rs, 5), instant(rs, 6)))
              : Optional.<LoginSession>empty();
        }
      }
    });
  }

  @Override
  public void touchSession(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
    update("UPDATE login_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?", ps -> {
      ps.setTimestamp(1, Timestamp.from(micros(lastSeenAt)));
      ps.setTimestamp(2, Timestamp.from(micros(expiresAt)));
      ps.setString(3, tokenHash);
    });
  }

  @Override
  public boolean deleteSession(String tokenHash) {
    return update("DELETE FROM login_sessions WHERE token_hash = ?", ps -> ps.setString(1, tokenHash)) > 0;
  }

  @Override
  public int deleteSessionsOf(String username) {
    return update("DELETE FROM login_sessions WHERE username = ?", ps -> ps.setString(1, username));
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return update("DELETE FROM login_sessions WHERE expires_at <= ?",
        ps -> ps.setTimestamp(1, Timestamp.from(micros(now))));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    return db.transaction("account store", conn -> {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      }
    });
  }

  /** DuckDB keeps microseconds; truncating first makes what is returned equal what is read back. */
  private static Instant micros(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
