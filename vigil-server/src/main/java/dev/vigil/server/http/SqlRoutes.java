package dev.vigil.server.http;

import dev.vigil.server.auth.Principal;
import dev.vigil.storage.SqlConsole;
import dev.vigil.storage.SqlResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/sql {"query": "..."}} → {@code {"columns": [...], "rows": [[...]], ...}}. */
final class SqlRoutes {
  private final Authn authn;
  private final SqlConsole console;
  private final int maxRows;
  private final Duration timeout;

  SqlRoutes(Authn authn, SqlConsole console, int maxRows, Duration timeout) {
    this.authn = authn;
    this.console = console;
    this.maxRows = maxRows;
    this.timeout = timeout;
  }

  record QueryBody(String query) {}

  void register(RoutesConfig routes) {
    routes.post("/api/v1/sql", this::query);
  }

  private void query(Context ctx) throws Exception {
    Principal principal = authn.require(ctx);
    if (ctx.bodyAsBytes().length == 0) throw new ApiError(400, "body must be {\"query\": \"SELECT ...\"}");
    QueryBody body = Json.MAPPER.readValue(ctx.bodyAsBytes(), QueryBody.class);
    if (body.query() == null || body.query().isBlank()) throw new ApiError(400, "'query' is required");
    long started = System.nanoTime();
    SqlResult result = console.query(principal.projectId(), body.query(), maxRows, timeout);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", result.columns());
    out.put("types", result.types());
    out.put("rows", result.rows());
    out.put("truncated", result.truncated());
    out.put("elapsed_ms", (System.nanoTime() - started) / 1_000_000);
    ctx.json(out);
  }
}
