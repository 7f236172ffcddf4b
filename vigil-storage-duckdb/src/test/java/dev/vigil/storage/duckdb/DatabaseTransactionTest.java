package dev.vigil.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.StorageException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions on pooled connections stay transactions after one went wrong: a connection whose
 * transaction the engine ended behind the driver's back (here a COMMIT sent as SQL, as DuckDB does
 * itself on some errors) is replaced rather than lent again half in auto-commit.
 */
class DatabaseTransactionTest {
  @TempDir
  Path dir;
  Database db;

  @BeforeEach
  void open() throws Exception {
    db = new Database(dir.resolve("t.duckdb"), "128MB", 1, 1); // one connection: the next borrower gets the same slot
    db.transaction("setup", conn -> {
      try (Statement st = conn.createStatement()) {
        return st.execute("CREATE TABLE t (i INTEGER)");
      }
    });
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long rows() {
    return db.read("count", conn -> {
      try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void aFailedTransactionStillRollsBackEverything() {
    assertThatThrownBy(() -> db.transaction("insert", conn -> {
      try (Statement st = conn.createStatement()) {
        st.execute("INSERT INTO t VALUES (1)");
      }
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(rows()).isZero();
  }

  @Test
  void aConnectionWhoseTransactionEndedBehindTheDriversBackIsReplaced() {
    assertThatThrownBy(() -> db.transaction("ended early", conn -> {
      try (Statement st = conn.createStatement()) {
        st.execute("INSERT INTO t VALUES (1)");
        st.execute("COMMIT"); // the engine's transaction is over; the driver still thinks one runs
      }
      return null;
    })).isInstanceOf(StorageException.class).hasMessageContaining("no transaction is active");
    assertThat(db.readers().size()).as("replaced, not lost").isEqualTo(1);

    // the next transaction on that slot is atomic again: its first insert is rolled back with it
    assertThatThrownBy(() -> db.transaction("insert", conn -> {
      try (Statement st = conn.createStatement()) {
        st.execute("INSERT INTO t VALUES (2)");
      }
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(rows()).as("only the first transaction's row, committed by its own COMMIT").isEqualTo(1);

    db.transaction("insert", conn -> {
      try (Statement st = conn.createStatement()) {
        return st.execute("INSERT INTO t VALUES (3)");
      }
    });
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void theIndexersConnectionIsResynchronizedInPlace() throws Exception {
    var conn = db.writer();
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.execute("INSERT INTO t VALUES (1)");
      st.execute("COMMIT");
    }
    assertThatThrownBy(conn::rollback).hasMessageContaining("no transaction is active");
    Database.resynchronize(conn);

    try (Statement st = conn.createStatement()) {
      st.execute("INSERT INTO t VALUES (2)");
    }
    conn.rollback();
    conn.setAutoCommit(true);
    assertThat(rows()).as("the second insert was in a transaction again, and rolled back").isEqualTo(1);
  }
}
