package dev.vigil.server.http;

import dev.vigil.model.LoginSession;
import dev.vigil.model.Project;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.auth.SignIn;
import dev.vigil.storage.ProjectStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * API access with the web UI's session cookie instead of a key. A signed-in person is an admin of
 * every project and picks one per request ({@code X-Vigil-Project} or {@code ?project=}, else the
 * first). Because browsers attach cookies on their own, every state-changing request must also
 * prove it came from Vigil's own pages: a matching {@code X-CSRF-Token} and, when the browser sends
 * one, an {@code Origin} equal to Vigil's. SameSite=Lax is not enough: 127.0.0.1:A and :B are one site.
 */
final class CookieAuth {
  static final String PROJECT_HEADER = "X-Vigil-Project";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION_ATTRIBUTE = "vigil.session";

  private final SignIn signIn;
  private final ProjectStore projects;

  CookieAuth(SignIn signIn, ProjectStore projects) {
    this.signIn = signIn;
    this.projects = projects;
  }

  /** The live session of this request's cookie, looked up once per request. */
  Optional<LoginSession> session(Context ctx) {
    Object cached = ctx.attribute(SESSION_ATTRIBUTE);
    if (cached instanceof LoginSession s) return Optional.of(s);
    String token = SessionCookie.token(ctx);
    if (token == null) return Optional.empty();
    Optional<LoginSession> found = signIn.session(token);
    found.ifPresent(s -> ctx.attribute(SESSION_ATTRIBUTE, s));
    return found;
  }

  /** An admin principal of the chosen project, after the CSRF checks; 401, 403 or 404 otherwise. */
  Principal require(Context ctx) {
    LoginSession s = session(ctx).orElseThrow(() ->
        new ApiError(401, "not signed in: the session has expired or ended; sign in again (or send an API key)"));
    checkCsrf(ctx, s);
    return new Principal(project(ctx).id(), "user:" + s.username(), true);
  }

  /** Refuses a state-changing request that did not come from Vigil's own pages. */
  static void checkCsrf(Context ctx, LoginSession s) {
    HandlerType method = ctx.method();
    if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) return;
    checkOrigin(ctx);
    String token = ctx.header(CSRF_HEADER);
    if (token == null || token.isBlank()) {
      throw new ApiError(403, "CSRF check failed: missing " + CSRF_HEADER
          + " header (its value is csrf_token from GET /api/v1/auth/me)");
    }
    if (!MessageDigest.isEqual(token.strip().getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(403, "CSRF check failed: " + CSRF_HEADER + " does not match this session");
    }
  }

  /** A browser names the page that sent a request in Origin; it must be Vigil's own. */
  static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) return;
    String own = SessionCookie.ownOrigin(ctx);
    if (!origin.strip().equalsIgnoreCase(own)) {
      throw new ApiError(403, "CSRF check failed: Origin '" + origin + "' is not this server's origin '" + own + "'");
    }
  }

  /** The project a cookie request acts on. */
  Project project(Context ctx) {
    String raw = ctx.header(PROJECT_HEADER);
    String source = PROJECT_HEADER + " header";
    if (raw == null || raw.isBlank()) {
      raw = ctx.queryParam("project");
      source = "'project' query parameter";
    }
    if (raw == null || raw.isBlank()) {
      List<Project> all = projects.listProjects();
      if (all.isEmpty()) throw new ApiError(404, "there are no projects yet");
      return all.get(0);
    }
    long id;
    try {
      id = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new ApiError(400, "the " + source + " must be a project id (a number), got '" + raw + "'");
    }
    String from = source;
    return projects.getProject(id).orElseThrow(() ->
        new ApiError(404, "no project with id " + id + " (from the " + from + "); GET /api/v1/projects lists them"));
  }
}
