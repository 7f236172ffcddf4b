package dev.vigil.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB file: opened once, migrated, locked down, and shared through connections. One writer
 * connection belongs to the indexer; readers borrow from small pools (a DuckDB connection must not be
 * used by two threads at once). External access is disabled and the configuration locked before
 * any caller can send SQL.
 */
final class Database implements AutoCloseable {
  private final DuckDBConnection root;
  private final DuckDBConnection writer;
  private final Pool readers;
  private final Pool console;

  Database(Path file, String memoryLimit, int threads, int readerConnections) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Properties props = new Properties();
    props.setProperty("memory_limit", memoryLimit);
    props.setProperty("threads", Integer.toString(threads));
    root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    Migrations.apply(root);
    try (Statement st = root.createStatement()) {
      // Rows carry their own ordering columns; letting DuckDB ignore insertion order saves memory.
      st.execute("SET preserve_insertion_order = false");
      // The span log is the source of truth, so DuckDB's WAL may grow large between checkpoints:
      // fewer, larger checkpoints re-compress row groups less often (measured ~20% less CPU a row).
      st.execute("SET checkpoint_threshold = '256MB'");
      st.execute("SET enable_external_access = false");
      st.execute("SET lock_configuration = true");
    }
    writer = root.duplicate();
    readers = new Pool(root, readerConnections);
    console = new Pool(root, 2);
  }

  /** Registers a Java table function on the database, where every connection sees it. */
  void register(ScoreRowsScan scan) throws SQLException {
    scan.register(root);
  }

  /** A DuckDB setting's current value, e.g. {@code threads}. */
  String setting(String name) throws SQLException {
    try (var ps = root.prepareStatement("SELECT current_setting(?)")) {
      ps.setString(1, name);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  DuckDBConnection writer() {
    return writer;
  }

  Pool readers() {
    return readers;
  }

  Pool console() {
    return console;
  }

  /** A unit of database work on a borrowed connection. */
  interface Work<T> {
    T run(Connection conn) throws SQLException;
  }

  /** Runs read-only work on a pooled reader; SQL errors become StorageException naming {@code what}. */
  <T> T read(String what, Work<T> work) {
    try (Lease lease = readers.borrow()) {
      return work.run(lease.connection());
    } catch (SQLException e) {
      throw new dev.vigil.storage.StorageException(what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs work in one transaction on a pooled connection, rolled back on any failure. A connection
   * whose COMMIT, ROLLBACK or return to auto-commit failed is replaced, not lent again: DuckDB's
   * JDBC driver remembers a transaction as running until one of them succeeds, and would then run
   * the next borrower's statements one by one in auto-commit (each committed on its own) and fail
   * its commit with "no transaction is active".
   */
  <T> T transaction(String what, Work<T> work) {
    Lease lease = readers.borrow();
    try {
      return inTransaction(lease, work);
    } catch (SQLException e) {
      throw new dev.vigil.storage.StorageException(what + ": " + e.getMessage(), e);
    } finally {
      lease.close();
    }
  }

  private static <T> T inTransaction(Lease lease, Work<T> work) throws SQLException {
    Connection conn = lease.connection();
    try {
      conn.setAutoCommit(false);
    } catch (SQLException e) {
      lease.broken();
      throw e;
    }
    try {
      T result = work.run(conn);
      conn.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
        lease.broken();
      }
      throw e;
    } finally {
      try {
        conn.setAutoCommit(true);
      } catch (SQLException r) {
        lease.broken(); // the outcome stands (committed, or the failure thrown); the connection goes
      }
    }
  }

  @Override
  public void close() {
    readers.close();
    console.close();
    closeQuietly(writer);
    try (Statement st = root.createStatement()) {
      st.execute("CHECKPOINT");
    } catch (SQLException ignored) {
      // best effort: DuckDB replays its own WAL on the next open
    }
    closeQuietly(root);
  }

  /**
   * After a ROLLBACK failed because the engine had already ended the transaction, DuckDB's driver
   * still believes one runs, so it would send the connection's next statements in auto-commit:
   * begin one for it to roll back. For connections that cannot be replaced (the indexer's).
   */
  static void resynchronize(Connection conn) {
    try (Statement st = conn.createStatement()) {
      st.execute("BEGIN TRANSACTION");
      conn.rollback();
    } catch (SQLException e) {
      // a transaction was running after all, or the connection is gone: nothing to put right
    }
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing
    }
  }

  /** A fixed set of connections; borrowing blocks until one is free. */
  static final class Pool implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pool.class);
    private final DuckDBConnection root;
    private final BlockingQueue<DuckDBConnection> free;
    private final List<DuckDBConnection> all = new ArrayList<>(); // guarded by itself
    private boolean closed; // guarded by all

    Pool(DuckDBConnection root, int size) throws SQLException {
      this.root = root;
      free = new ArrayBlockingQueue<>(size);
      for (int i = 0; i < size; i++) {
        DuckDBConnection c = root.duplicate();
        all.add(c);
        free.add(c);
      }
    }

    Lease borrow() {
      return new Lease(take(), this);
    }

    DuckDBConnection take() {
      try {
        DuckDBConnection c = free.poll(30, TimeUnit.SECONDS);
        if (c == null) throw new dev.vigil.storage.StorageException("no database connection free for 30 s");
        return c;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new dev.vigil.storage.StorageException("interrupted waiting for a database connection");
      }
    }

    void giveBack(java.sql.Connection c) {
      free.add((DuckDBConnection) c);
    }

    /** Closes a connection left in an unknown state and lends a fresh one in its place. */
    void replace(DuckDBConnection c) {
      closeQuietly(c);
      synchronized (all) {
        all.remove(c);
        if (closed) return;
        try {
          DuckDBConnection fresh = root.duplicate();
          all.add(fresh);
          free.add(fresh);
        } catch (SQLException e) {
          LOG.warn("a database connection was closed and could not be replaced ({}): {} left", e.getMessage(), all.size());
        }
      }
    }

    /** Connections lent or free. */
    int size() {
      synchronized (all) {
        return all.size();
      }
    }

    @Override
    public void close() {
      synchronized (all) {
        closed = true;
        for (DuckDBConnection c : all) closeQuietly(c);
      }
    }
  }

  /** A borrowed connection, returned on close, or replaced when it was found {@link #broken()}. */
  static final class Lease implements AutoCloseable {
    private final DuckDBConnection connection;
    private final Pool pool;
    private boolean broken;

    Lease(DuckDBConnection connection, Pool pool) {
      this.connection = connection;
      this.pool = pool;
    }

    DuckDBConnection connection() {
      return connection;
    }

    /** Its transaction state is unknown: it must not be lent again. */
    void broken() {
      broken = true;
    }

    @Override
    public void close() {
      if (broken) pool.replace(connection);
      else pool.giveBack(connection);
    }
  }
}
