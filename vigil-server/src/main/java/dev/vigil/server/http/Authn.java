package dev.vigil.server.http;

import dev.vigil.server.auth.ApiKeys;
import dev.vigil.server.auth.Principal;
import io.javalin.http.Context;

/**
 * Who is calling: {@code Authorization: Bearer <api key>}, or, on {@code /api/v1/**} only, the web
 * UI's session cookie ({@link CookieAuth}). A key wins when both are present: it cannot come from a
 * cross-site page, so key requests need no CSRF checks.
 */
final class Authn {
  private final ApiKeys keys;
  private final CookieAuth cookies;

  Authn(ApiKeys keys, CookieAuth cookies) {
    this.keys = keys;
    this.cookies = cookies;
  }

  Principal require(Context ctx) {
    String header = ctx.header("Authorization");
    boolean noKey = header == null || header.isBlank();
    if (noKey && SessionCookie.token(ctx) != null && ctx.path().startsWith("/api/v1/")) {
      return cookies.require(ctx);
    }
    if (noKey) {
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
