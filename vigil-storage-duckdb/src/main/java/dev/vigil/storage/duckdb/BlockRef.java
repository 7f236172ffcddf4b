package dev.vigil.storage.duckdb;

/** Where a block lives: a project's segment file and the byte offset of the block's header. */
record BlockRef(long projectId, int segmentId, long offset) {}
