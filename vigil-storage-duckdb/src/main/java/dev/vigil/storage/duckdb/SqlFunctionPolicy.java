package dev.vigil.storage.duckdb;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scalar, aggregate and window functions the SQL console refuses (DuckDB 2.0's catalog, reviewed
 * function by function). Table functions need no list: the gate refuses every one of them.
 * Everything else computes over the values of the query, which already hold only the caller's rows.
 */
final class SqlFunctionPolicy {

  private static final Set<String> DENIED = Set.of(
      // settings, session and environment
      "current_setting", "getenv", "getvariable", "current_query", "current_query_id",
      "current_connection_id", "current_transaction_id", "txid_current", "current_database",
      "current_catalog", "current_schema", "current_schemas", "in_search_path", "current_user",
      "current_role", "session_user", "user", "version", "setseed",
      // catalog and storage: stats() reports min/max of the whole physical column, every tenant's;
      // index_key() names an index by table; sequences mutate
      "stats", "index_key", "get_block_size", "nextval", "currval", "setval", "col_description",
      "obj_description", "shobj_description", "format_type", "format_pg_type", "map_to_pg_oid",
      // the parser and planner: json_serialize_plan binds any SQL text, views and all
      "json_serialize_sql", "json_deserialize_sql", "json_serialize_plan",
      "json_execute_serialized_sql",
      // files and logs (table functions are refused anyway; named here so the message is plain)
      "write_log", "glob", "query", "query_table", "sniff_csv",
      // raw aggregate states and variant bytes: internal layouts, not analytics
      "finalize", "combine", "combine_aggr", "to_aggregate_state", "variant_bytes_to_variant",
      "variant_to_parquet_variant",
      // one call builds a value of any size, and DuckDB cannot interrupt a single call: the
      // time limit would not hold (list_sum(range(3e8)) ran 144 s through a 0.5 s cancel)
      "range", "generate_series", "repeat", "list_resize", "array_resize", "lpad", "rpad",
      "printf", "format", "sleep_ms");

  private static final List<String> DENIED_PREFIXES = List.of(
      "duckdb_", // catalog listings: duckdb_tables(), duckdb_settings(), ...
      "pragma_",
      "pg_", // pg_catalog macros, pg_sleep, pg_get_viewdef
      "has_", // has_*_privilege
      "inet_",
      "read_", // read_csv, read_text, read_parquet, read_blob, ...
      "parquet_",
      "__"); // __internal_*: planner-only helpers

  private SqlFunctionPolicy() {}

  /** Whether {@code name}, as written in the query, names a function the console refuses. */
  static boolean denied(String name) {
    // DuckDB matches names case-insensitively; check both foldings so neither can slip past
    return deniedLower(SqlNames.asciiLower(name)) || deniedLower(name.toLowerCase(Locale.ROOT));
  }

  private static boolean deniedLower(String name) {
    if (DENIED.contains(name)) return true;
    for (String prefix : DENIED_PREFIXES) {
      if (name.startsWith(prefix)) return true;
    }
    return false;
  }
}
