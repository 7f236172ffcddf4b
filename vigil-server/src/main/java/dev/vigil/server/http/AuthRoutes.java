package dev.vigil.server.http;

import dev.vigil.model.LoginSession;
import dev.vigil.server.auth.SignIn;
import dev.vigil.storage.ProjectStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in for the web UI (docs/api.md, "Sign-in (web UI)"): login sets the session cookie and
 * returns the CSRF token, me tells the page who is signed in, logout ends the session, password
 * replaces the password and ends every other session.
 */
final class AuthRoutes {
  private final SignIn signIn;
  private final CookieAuth cookies;
  private final ProjectStore projects;

  AuthRoutes(SignIn signIn, CookieAuth cookies, ProjectStore projects) {
    this.signIn = signIn;
    this.cookies = cookies;
    this.projects = projects;
  }

  void register(RoutesConfig routes) {
    routes.before("/api/v1/auth/*", ctx -> ctx.header("Cache-Control", "no-store"));
    routes.post("/api/v1/auth/login", this::login);
    routes.post("/api/v1/auth/logout", this::logout);
    routes.get("/api/v1/auth/me", this::me);
    routes.post("/api/v1/auth/password", this::changePassword);
  }

  record Credentials(String username, String password) {}

  private void login(Context ctx) throws Exception {
    CookieAuth.checkOrigin(ctx); // a cross-site page must not sign a browser in either
    if (ctx.bodyAsBytes().length == 0) throw new ApiError(400, "body must be {\"username\": ..., \"password\": ...}");
    Credentials c = Json.MAPPER.readValue(ctx.bodyAsBytes(), Credentials.class);
    if (c.username() == null || c.username().isBlank() || c.password() == null || c.password().isEmpty()) {
      throw new ApiError(400, "'username' and 'password' are required");
    }
    String previous = SessionCookie.token(ctx);
    respond(ctx, signIn.login(c.username().strip(), c.password()), "wrong username or password");
    signIn.logout(previous); // a session the browser held before ends here
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  private void changePassword(Context ctx) throws Exception {
    LoginSession s = cookies.session(ctx).orElseThrow(() -> new ApiError(401, "not signed in"));
    CookieAuth.checkCsrf(ctx, s);
    if (ctx.bodyAsBytes().length == 0) throw new ApiError(400, "body must be {\"current_password\": ..., \"new_password\": ...}");
    PasswordChange body = Json.MAPPER.readValue(ctx.bodyAsBytes(), PasswordChange.class);
    if (body.currentPassword() == null || body.newPassword() == null) {
      throw new ApiError(400, "'current_password' and 'new_password' are required");
    }
    respond(ctx, signIn.changePassword(s.username(), body.currentPassword(), body.newPassword()),
        "the current password is wrong");
  }

  /** Success: a new session cookie and its CSRF token; otherwise 401 or 429 with Retry-After. */
  private static void respond(Context ctx, SignIn.Attempt attempt, String refusal) {
    switch (attempt) {
      case SignIn.Attempt.Success s -> {
        SessionCookie.set(ctx, s.token());
        ctx.json(Map.of("username", s.session().username(), "csrf_token", s.session().csrfToken()));
      }
      case SignIn.Attempt.Refused r -> throw new ApiError(401, refusal);
      case SignIn.Attempt.Throttled t -> {
        long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
        throw new ApiError(429, "too many failed sign-ins for this user; try again in "
            + Math.max(1, (seconds + 59) / 60) + " minute(s)", Long.toString(seconds));
      }
    }
  }

  private void logout(Context ctx) {
    var session = cookies.session(ctx);
    if (session.isPresent()) {
      CookieAuth.checkCsrf(ctx, session.get());
      signIn.logout(SessionCookie.token(ctx));
    }
    SessionCookie.clear(ctx);
    ctx.status(204);
  }

  private void me(Context ctx) {
    LoginSession s = cookies.session(ctx).orElseThrow(() -> new ApiError(401, "not signed in"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", s.username());
    out.put("csrf_token", s.csrfToken());
    out.put("projects", projects.listProjects().stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("name", p.name());
      return m;
    }).toList());
    ctx.json(out);
  }
}
