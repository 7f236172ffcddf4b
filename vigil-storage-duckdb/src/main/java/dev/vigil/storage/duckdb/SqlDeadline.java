package dev.vigil.storage.duckdb;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a console statement when its time is up. DuckDB interrupts the whole connection, so
 * once {@link #close()} returns the cancel can no longer fire: the connection may already be
 * running the next statement.
 */
final class SqlDeadline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SqlDeadline.class);

  /** One timer thread for all consoles; a cancel is a quick native call. */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Statement statement;
  private ScheduledFuture<?> task;
  private boolean closed;
  private boolean fired;

  private SqlDeadline(Statement statement) {
    this.statement = statement;
  }

  static SqlDeadline arm(Statement statement, Duration timeout) {
    SqlDeadline deadline = new SqlDeadline(statement);
    deadline.task = TIMER.schedule(deadline::fire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    return deadline;
  }

  private synchronized void fire() {
    if (closed) return;
    fired = true;
    try {
      statement.cancel(); // DuckDB JDBC interrupts only while the statement is executing
    } catch (SQLException e) {
      log.debug("cancelling a console query failed", e);
    }
  }

  /** Whether the time ran out (the statement may still have finished just before). */
  synchronized boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    task.cancel(false);
    synchronized (this) { // waits for a cancel in progress
      closed = true;
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "vigil-sql-deadline");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // most queries finish in time; don't keep their tasks
    return timer;
  }
}
