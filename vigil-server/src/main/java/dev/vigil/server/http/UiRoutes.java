package dev.vigil.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web UI's pages: {@code /} goes to {@code /ui/}; {@code /login} is the sign-in page; {@code
 * /ui/**} is served from the classpath folder {@code ui/} to signed-in browsers only (others are sent
 * to the login page), with {@code index.html} for any path without a file extension so client-side
 * routes can be linked to directly. Every response carries a strict Content-Security-Policy.
 */
final class UiRoutes {
  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'self'";

  private final CookieAuth cookies;
  private final ClasspathFiles ui = new ClasspathFiles("ui");
  private final ClasspathFiles login = new ClasspathFiles("login");

  UiRoutes(CookieAuth cookies) {
    this.cookies = cookies;
  }

  void register(RoutesConfig routes) {
    routes.get("/", ctx -> secured(ctx).redirect("/ui/", HttpStatus.FOUND));
    routes.get("/login", this::loginPage);
    routes.get("/login/<file>", ctx -> serve(secured(ctx), login, ctx.pathParam("file")));
    routes.get("/ui", this::ui);
    routes.get("/ui/<path>", this::ui);
  }

  static Context secured(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    return ctx;
  }

  private void loginPage(Context ctx) {
    secured(ctx);
    if (cookies.session(ctx).isPresent()) { // already signed in: straight on
      ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.FOUND);
      return;
    }
    serve(ctx, login, "login.html");
  }

  private void ui(Context ctx) {
    secured(ctx);
    String path = ctx.path();
    if (cookies.session(ctx).isEmpty()) {
      String query = ctx.queryString();
      String next = path.equals("/ui") ? "/ui/" : path + (query == null ? "" : "?" + query);
      ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.FOUND);
      return;
    }
    if (path.equals("/ui")) { // relative links in the pages resolve against /ui/
      ctx.redirect("/ui/", HttpStatus.FOUND);
      return;
    }
    String relative = path.length() <= 4 ? "" : path.substring(4);
    if (relative.isEmpty() || !ClasspathFiles.hasExtension(relative)) relative = "index.html";
    serve(ctx, ui, relative);
  }

  private static void serve(Context ctx, ClasspathFiles files, String relative) {
    ClasspathFiles.File file = files.find(relative)
        .orElseThrow(() -> new ApiError(404, "no such file: " + ctx.path()));
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(file.contentType()).result(file.bytes());
  }

  /** Where to go after signing in: a path under /ui/ on this server, else /ui/. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/ui/") || next.contains("\\") || next.contains("//")) return "/ui/";
    for (int i = 0; i < next.length(); i++) {
      if (next.charAt(i) < 0x21 || next.charAt(i) == 0x7f) return "/ui/";
    }
    return next;
  }
}
