package dev.vigil.storage;

import java.util.List;

/** Columns, their SQL types, rows of JSON-friendly values, and whether the row cap cut the result. */
public record SqlResult(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {}
