package dev.vigil.server.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The web UI's session cookie and the facts about a request it depends on: whether it came over
 * TLS (directly or through a proxy) and which origin it was addressed to.
 */
final class SessionCookie {
  static final String NAME = "vigil_session";

  private SessionCookie() {}

  /** The token the browser presented, or null. */
  static String token(Context ctx) {
    String value = ctx.cookie(NAME);
    return value == null || value.isEmpty() ? null : value;
  }

  static void set(Context ctx, String token) {
    ctx.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
  }

  static void clear(Context ctx) {
    ctx.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
  }

  /** TLS here, or at a proxy that says so with X-Forwarded-Proto. */
  static boolean secure(Context ctx) {
    return ctx.req().isSecure() || "https".equalsIgnoreCase(first(ctx.header("X-Forwarded-Proto")));
  }

  /**
   * scheme://host[:port] the request was addressed to: the Host header, or X-Forwarded-Host from a
   * proxy that rewrites Host. A page on another origin cannot set either header on a browser request
   * (custom headers need a CORS preflight, which Vigil never grants), so neither helps an attacker.
   */
  static String ownOrigin(Context ctx) {
    String host = first(ctx.header("X-Forwarded-Host"));
    if (host == null) host = ctx.header("Host");
    return (secure(ctx) ? "https" : "http") + "://" + (host == null ? "" : host.strip().toLowerCase(Locale.ROOT));
  }

  private static String first(String header) {
    if (header == null) return null;
    String v = header.split(",", 2)[0].strip();
    return v.isEmpty() ? null : v;
  }
}
