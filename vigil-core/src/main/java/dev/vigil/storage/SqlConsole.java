package dev.vigil.storage;

import java.time.Duration;

/**
 * Read-only SQL over documented views that hold the caller's project only. Exactly one SELECT; no
 * file, network, extension or configuration access; a time limit and a row cap.
 */
public interface SqlConsole {

  /** @throws SqlRejectedException when the query is not allowed or fails; the message says why */
  SqlResult query(long projectId, String sql, int maxRows, Duration timeout);
}
