package dev.vigil.server.http;

import dev.vigil.server.auth.Principal;
import dev.vigil.server.ingest.IngestPacing;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.ingest.api.ItemResult;
import dev.vigil.server.ingest.api.NativeBatch;
import dev.vigil.server.ingest.api.NativeIngestDecoder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/ingest}: the native JSON batch, answered 207 with a result per item. */
final class IngestRoutes {
  private final Authn authn;
  private final Bodies bodies;
  private final IngestService ingest;
  private final NativeIngestDecoder decoder;

  IngestRoutes(Authn authn, Bodies bodies, IngestService ingest, NativeIngestDecoder decoder) {
    this.authn = authn;
    this.bodies = bodies;
    this.ingest = ingest;
    this.decoder = decoder;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/ingest", this::ingest);
  }

  private void ingest(Context ctx) throws Exception {
    Principal principal = authn.require(ctx);
    String type = ctx.header("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "Content-Type must be application/json");
    }
    NativeBatch batch;
    List<ItemResult> results;
    try (IngestPacing.Turn turn = ingest.admit()) {
      batch = decoder.decode(bodies.read(ctx));
      results = ingest.nativeBatch(principal.projectId(), batch);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results.stream().map(IngestRoutes::result).toList());
    body.put("accepted", batch.accepted());
    body.put("rejected", batch.rejected());
    ctx.status(207).json(body);
  }

  private static Map<String, Object> result(ItemResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", r.index());
    m.put("type", r.type());
    m.put("id", r.id());
    m.put("status", r.status());
    if (r.error() != null) m.put("error", r.error());
    return m;
  }
}
