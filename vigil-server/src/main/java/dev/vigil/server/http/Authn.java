package dev.vigil.server.http;

import dev.vigil.server.auth.ApiKeys;
import dev.vigil.server.auth.Principal;
import io.javalin.http.Context;

/** Checks {@code Authorization: Bearer <api key>}; every API call and ingest request needs it. */
final class Authn {
  private final ApiKeys keys;

  Authn(ApiKeys keys) {
    this.keys = keys;
  }

  Principal require(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new ApiError(401, "missing 'Authorization: Bearer <api key>' header");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "Authorization header must be 'Bearer <api key>'");
    }
    return switch (keys.verify(header.substring(7).strip())) {
      case ApiKeys.Verdict.Valid v -> v.principal();
      case ApiKeys.Verdict.Revoked r -> throw new ApiError(401, "API key has been revoked");
      case ApiKeys.Verdict.Unknown u -> throw new ApiError(401, "invalid API key");
    };
  }

  Principal requireAdmin(Context ctx) {
    Principal p = require(ctx);
    if (!p.admin()) throw new ApiError(403, "this needs an admin API key");
    return p;
  }
}
