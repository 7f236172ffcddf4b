package dev.vigil.storage.duckdb;

import dev.vigil.storage.SqlRejectedException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the AST of one SELECT, as {@code json_serialize_sql} prints it, and throws at the first
 * thing the console refuses. Every JSON object is visited wherever it sits, so a construct in an
 * unexpected place is still seen; objects are recognised by their {@code class} (expressions) or
 * {@code type} (query nodes, table references, modifiers), and unknown kinds are refused.
 */
final class SqlAstWalker {

  /** Expression classes of a parsed SELECT. PARAMETER and DEFAULT are left out on purpose. */
  private static final Set<String> CLASSES = Set.of(
      "CONSTANT", "COLUMN_REF", "FUNCTION", "WINDOW", "OPERATOR", "COMPARISON", "CONJUNCTION",
      "CASE", "CAST", "BETWEEN", "COLLATE", "STAR", "SUBQUERY", "LAMBDA", "LAMBDA_REF",
      "POSITIONAL_REFERENCE", "TYPE");

  /** Query nodes, table references and modifiers of a parsed SELECT, other than those handled. */
  private static final Set<String> TYPES = Set.of(
      "SELECT_NODE", "SET_OPERATION_NODE", "JOIN", "SUBQUERY", "EXPRESSION_LIST", "EMPTY", "PIVOT",
      "ORDER_MODIFIER", "LIMIT_MODIFIER", "LIMIT_PERCENT_MODIFIER", "DISTINCT_MODIFIER",
      "ORDER_DEFAULT", "ASCENDING", "DESCENDING");

  /** CTE names in scope, innermost first. */
  private record Scope(String name, Scope outer) {
    static final Scope NONE = new Scope(null, null);

    boolean contains(String lower) {
      for (Scope s = this; s != NONE; s = s.outer) {
        if (s.name.equals(lower)) return true;
      }
      return false;
    }

    Scope with(String lower) {
      return new Scope(lower, this);
    }
  }

  private final Set<String> views;
  private final Set<String> cteNames = new LinkedHashSet<>();

  private SqlAstWalker(Set<String> views) {
    this.views = views;
  }

  /**
   * Checks one statement against {@code views} (lower-case names) and returns the CTE names it
   * defines, lower-cased, so the caller can make sure none of them names a real table.
   */
  static Set<String> check(Object statement, Set<String> views) {
    SqlAstWalker walker = new SqlAstWalker(views);
    walker.visit(statement, Scope.NONE);
    return walker.cteNames;
  }

  /** Every base-table name in {@code ast}, lower-cased, wherever it appears. */
  static Set<String> tableNames(Object ast) {
    Set<String> names = new LinkedHashSet<>();
    collectTables(ast, names);
    return names;
  }

  private static void collectTables(Object node, Set<String> names) {
    if (node instanceof List<?> list) {
      for (Object item : list) collectTables(item, names);
    } else if (node instanceof Map<?, ?> map) {
      if ("BASE_TABLE".equals(map.get("type")) && !map.containsKey("class")) {
        names.add(SqlNames.asciiLower(text(map, "table_name")));
      }
      for (Object value : map.values()) collectTables(value, names);
    }
  }

  private void visit(Object node, Scope scope) {
    if (node instanceof List<?> list) {
      for (Object item : list) visit(item, scope);
      return;
    }
    if (!(node instanceof Map<?, ?> map)) return;
    String recursiveName = null;
    if (map.get("class") instanceof String kind) {
      expression(kind, map);
    } else if (map.get("type") instanceof String type) {
      switch (type) {
        case "BASE_TABLE" -> table(map, scope);
        case "TABLE_FUNCTION" -> throw tableFunction(map);
        case "SHOW_REF" -> throw rejected("DESCRIBE, SHOW and SUMMARIZE are not allowed");
        case "RECURSIVE_CTE_NODE" -> recursiveName = SqlNames.asciiLower(text(map, "cte_name"));
        default -> {
          if (!TYPES.contains(type)) throw rejected("unsupported query construct: " + type);
        }
      }
    }
    Scope inner = ctes(map, scope);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if ("cte_map".equals(e.getKey())) continue;
      // a recursive CTE sees itself in its recursive part only; DuckDB resolves the same name in
      // the anchor ("left") to the catalog, which could be a physical table
      boolean recursivePart = recursiveName != null && "right".equals(e.getKey());
      visit(e.getValue(), recursivePart ? inner.with(recursiveName) : inner);
    }
  }

  /** Checks the CTEs of a query node; each sees the ones before it, the node's body sees all. */
  private Scope ctes(Map<?, ?> node, Scope scope) {
    if (!node.containsKey("cte_map")) return scope;
    // the caller skips "cte_map": anything here not in the expected shape must fail, not go unseen
    if (!(node.get("cte_map") instanceof Map<?, ?> cteMap) || !(cteMap.get("map") instanceof List<?> entries)
        || cteMap.size() != 1) {
      throw rejected("unsupported WITH clause");
    }
    Scope visible = scope;
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> cte)) throw rejected("unsupported WITH clause");
      String name = text(cte, "key");
      if (!SqlNames.plain(name)) {
        throw rejected("CTE name '" + name + "' must be a plain identifier (letters, digits, _)");
      }
      visit(cte.get("value"), visible); // a CTE's own name is not in scope in its body
      String lower = SqlNames.asciiLower(name);
      cteNames.add(lower);
      visible = visible.with(lower);
    }
    return visible;
  }

  private void table(Map<?, ?> ref, Scope scope) {
    String name = text(ref, "table_name");
    String schema = text(ref, "schema_name");
    String catalog = text(ref, "catalog_name");
    boolean qualified = !schema.isEmpty() || !catalog.isEmpty()
        || (ref.get("qualified_name") instanceof Map<?, ?> q
            && q.get("path") instanceof List<?> path && path.size() > 1);
    if (qualified) {
      String full = (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".");
      throw notAvailable(full + name);
    }
    if (ref.get("at_clause") != null) throw rejected("AT (time travel) is not allowed");
    String lower = SqlNames.asciiLower(name);
    if (!scope.contains(lower) && !views.contains(lower)) throw notAvailable(name);
  }

  private static void expression(String kind, Map<?, ?> expr) {
    switch (kind) {
      case "FUNCTION", "WINDOW" -> function(expr);
      case "PARAMETER" -> throw rejected("query parameters are not supported");
      default -> {
        if (!CLASSES.contains(kind)) throw rejected("unsupported expression: " + kind);
      }
    }
  }

  private static void function(Map<?, ?> fn) {
    String name = text(fn, "function_name");
    String schema = text(fn, "schema");
    String catalog = text(fn, "catalog");
    if (!schema.isEmpty() || !catalog.isEmpty()) {
      throw rejected("function " + (catalog.isEmpty() ? "" : catalog + ".") + schema + "." + name
          + " is not allowed; call functions by their plain name");
    }
    if (SqlFunctionPolicy.denied(name)) throw rejected("function " + name + " is not allowed");
    if (Boolean.TRUE.equals(fn.get("export_state"))) throw rejected("EXPORT_STATE is not allowed");
  }

  private static SqlRejectedException tableFunction(Map<?, ?> ref) {
    if (ref.get("function") instanceof Map<?, ?> fn && fn.get("function_name") instanceof String n) {
      return rejected("function " + n + " is not allowed");
    }
    return rejected("table functions are not allowed");
  }

  private SqlRejectedException notAvailable(String name) {
    return rejected("table '" + name + "' is not available; query one of: " + String.join(", ", views));
  }

  private static String text(Map<?, ?> map, String key) {
    return map.get(key) instanceof String s ? s : "";
  }

  private static SqlRejectedException rejected(String message) {
    return new SqlRejectedException(message);
  }
}
