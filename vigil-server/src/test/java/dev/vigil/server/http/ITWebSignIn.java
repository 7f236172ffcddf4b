package dev.vigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web UI sign-in over plain HTTP: the cookie, CSRF and Origin checks, project choice, the brake. */
class ITWebSignIn {
  static final String PASSWORD = "correct-horse-battery";
  @TempDir
  static Path dir;
  static TestServer vigil;
  static final HttpClient HTTP = HttpClient.newHttpClient(); // no cookie handler: cookies are sent by hand

  @BeforeAll
  static void start() {
    vigil = new TestServer(dir, Map.of("VIGIL_ADMIN_PASSWORD", PASSWORD), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    vigil.close();
  }

  /** A signed-in browser: the cookie token and the CSRF token. */
  record Session(String token, String csrf) {}

  static HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(vigil.base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> login(String username, String password, String... headers) {
    String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", "/api/v1/auth/login", body, all);
  }

  static Session signIn() {
    HttpResponse<String> r = login("admin", PASSWORD);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    String token = cookie.substring("vigil_session=".length(), cookie.indexOf(';'));
    return new Session(token, json(r).get("csrf_token").asText());
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return ITOtlpIngest.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String cookie(Session s) {
    return "vigil_session=" + s.token();
  }

  private static String origin() {
    return "http://127.0.0.1:" + vigil.base.getPort();
  }

  @Test
  void loginSetsAnHttpOnlyLaxCookieAndMeNamesTheUser() {
    HttpResponse<String> r = login("admin", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).matches("vigil_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
    JsonNode body = json(r);
    assertThat(body.get("username").asText()).isEqualTo("admin");
    assertThat(body.get("csrf_token").asText()).hasSize(43);

    String token = setCookie.substring("vigil_session=".length(), setCookie.indexOf(';'));
    JsonNode me = json(send("GET", "/api/v1/auth/me", null, "Cookie", "vigil_session=" + token));
    assertThat(me.get("username").asText()).isEqualTo("admin");
    assertThat(me.get("csrf_token").asText()).isEqualTo(body.get("csrf_token").asText());
    assertThat(me.get("projects").get(0).get("name").asText()).isEqualTo("default");
    assertThat(me.get("projects").get(0).get("id").asLong()).isPositive();
  }

  @Test
  void overTlsTheCookieIsSecure() {
    HttpResponse<String> r = login("admin", PASSWORD, "X-Forwarded-Proto", "https");
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    HttpResponse<String> wrong = login("admin", "not-the-password");
    HttpResponse<String> unknown = login("nobody", PASSWORD);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body()).contains("wrong username or password");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(login("admin", "").statusCode()).isEqualTo(400);
  }

  @Test
  void withoutKeyOrSessionTheApiAnswers401() {
    assertThat(send("GET", "/api/v1/traces", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/auth/me", null).statusCode()).isEqualTo(401);
    HttpResponse<String> forged = send("GET", "/api/v1/traces", null, "Cookie", "vigil_session=forged-token");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(json(forged).get("error").asText()).contains("sign in again");
  }

  @Test
  void theCookieWorksOnTheApiButNotOnOtlpIngest() {
    Session s = signIn();
    assertThat(send("GET", "/api/v1/traces", null, "Cookie", cookie(s)).statusCode()).isEqualTo(200);
    HttpResponse<String> otlp = send("POST", "/v1/traces", "{}", "Cookie", cookie(s), "Content-Type", "application/json",
        "X-CSRF-Token", s.csrf());
    assertThat(otlp.statusCode()).isEqualTo(401);
  }

  @Test
  void stateChangesNeedTheCsrfToken() {
    Session s = signIn();
    HttpResponse<String> missing = send("POST", "/api/v1/keys", "{\"name\":\"x\"}", "Cookie", cookie(s));
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(json(missing).get("error").asText()).contains("missing X-CSRF-Token");
    HttpResponse<String> wrong = send("POST", "/api/v1/keys", "{\"name\":\"x\"}", "Cookie", cookie(s),
        "X-CSRF-Token", signIn().csrf()); // another session's token
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(json(wrong).get("error").asText()).contains("does not match");
    assertThat(send("DELETE", "/api/v1/keys/whatever", null, "Cookie", cookie(s)).statusCode()).isEqualTo(403);

    HttpResponse<String> ok = send("POST", "/api/v1/keys", "{\"name\":\"from-ui\"}", "Cookie", cookie(s),
        "X-CSRF-Token", s.csrf(), "Origin", origin());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(vigil.get("/api/v1/keys", TestServer.KEY).body()).contains("from-ui").doesNotContain("\"x\"");
  }

  @Test
  void aForeignOriginIsRefusedEvenWithTheToken() {
    Session s = signIn();
    for (String foreign : List.of("http://127.0.0.1:1", "http://evil.example", "null",
        "https://127.0.0.1:" + vigil.base.getPort())) {
      HttpResponse<String> r = send("POST", "/api/v1/keys", "{\"name\":\"evil\"}", "Cookie", cookie(s),
          "X-CSRF-Token", s.csrf(), "Origin", foreign);
      assertThat(r.statusCode()).as(foreign).isEqualTo(403);
      assertThat(json(r).get("error").asText()).contains("Origin '" + foreign + "'");
    }
    HttpResponse<String> login = login("admin", PASSWORD, "Origin", "http://evil.example");
    assertThat(login.statusCode()).as("no signing in from another site either").isEqualTo(403);
    assertThat(vigil.get("/api/v1/keys", TestServer.KEY).body()).doesNotContain("evil");
  }

  @Test
  void apiKeysNeedNoCsrfTokenAndWinOverACookie() {
    Session s = signIn();
    HttpResponse<String> r = send("POST", "/api/v1/keys", "{\"name\":\"ci\"}", "Authorization", "Bearer " + TestServer.KEY,
        "Cookie", cookie(s), "Origin", "http://elsewhere.example");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    HttpResponse<String> badKey = send("GET", "/api/v1/traces", null, "Authorization", "Bearer vgl_wrong", "Cookie", cookie(s));
    assertThat(badKey.statusCode()).as("a bad key is not rescued by the cookie").isEqualTo(401);
  }

  @Test
  void theProjectIsChosenByHeaderOrQueryParameter() {
    JsonNode created = json(vigil.json("POST", "/api/v1/projects", TestServer.KEY, "{\"name\":\"checkout\"}"));
    long checkout = created.get("id").asLong();
    Session s = signIn();
    assertThat(json(send("GET", "/api/v1/project", null, "Cookie", cookie(s))).get("name").asText())
        .as("default: the first project").isEqualTo("default");
    assertThat(json(send("GET", "/api/v1/project", null, "Cookie", cookie(s), "X-Vigil-Project", Long.toString(checkout)))
        .get("name").asText()).isEqualTo("checkout");
    assertThat(json(send("GET", "/api/v1/project?project=" + checkout, null, "Cookie", cookie(s))).get("name").asText())
        .isEqualTo("checkout");
    assertThat(send("GET", "/api/v1/traces?project=" + checkout + "&limit=5", null, "Cookie", cookie(s)).statusCode())
        .as("query endpoints accept the parameter").isEqualTo(200);

    HttpResponse<String> unknown = send("GET", "/api/v1/traces", null, "Cookie", cookie(s), "X-Vigil-Project", "987654");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).contains("no project with id 987654");
    assertThat(send("GET", "/api/v1/traces?project=abc", null, "Cookie", cookie(s)).statusCode()).isEqualTo(400);

    HttpResponse<String> key = send("POST", "/api/v1/keys", "{\"name\":\"checkout-ui\"}", "Cookie", cookie(s),
        "X-CSRF-Token", s.csrf(), "X-Vigil-Project", Long.toString(checkout));
    assertThat(key.statusCode()).isEqualTo(201);
    assertThat(vigil.get("/api/v1/keys", created.get("api_key").get("secret").asText()).body()).contains("checkout-ui");
  }

  @Test
  void logoutEndsTheSessionOnTheServer() {
    Session s = signIn();
    assertThat(send("POST", "/api/v1/auth/logout", null, "Cookie", cookie(s)).statusCode())
        .as("logout needs the CSRF token too").isEqualTo(403);
    HttpResponse<String> out = send("POST", "/api/v1/auth/logout", null, "Cookie", cookie(s), "X-CSRF-Token", s.csrf());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("vigil_session=;").contains("Max-Age=0");
    assertThat(send("GET", "/api/v1/auth/me", null, "Cookie", cookie(s)).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/traces", null, "Cookie", cookie(s)).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/v1/auth/logout", null, "Cookie", cookie(s)).statusCode())
        .as("without a live session logout just clears the cookie").isEqualTo(204);
  }

  @Test
  void repeatedFailuresForOneUsernameAreBraked() {
    for (int i = 0; i < 5; i++) assertThat(login("mallory", "guess-" + i).statusCode()).isEqualTo(401);
    HttpResponse<String> braked = login("mallory", "guess-6");
    assertThat(braked.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(braked.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 900L);
    assertThat(json(braked).get("error").asText()).contains("too many failed sign-ins");
    assertThat(login("admin", PASSWORD).statusCode()).as("other usernames are not affected").isEqualTo(200);
  }

  @Test
  void pagesAreGatedAndCarrySecurityHeaders() {
    HttpResponse<String> root = send("GET", "/", null);
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).contains("/ui/");
    HttpResponse<String> deep = send("GET", "/ui/traces/abc?range=1h", null);
    assertThat(deep.statusCode()).isEqualTo(302);
    assertThat(deep.headers().firstValue("Location")).contains("/login?next=%2Fui%2Ftraces%2Fabc%3Frange%3D1h");
    HttpResponse<String> page = send("GET", "/login", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form id=\"login-form\"").doesNotContain("<script>").doesNotContain("style=");
    for (HttpResponse<String> r : List.of(root, deep, page)) {
      assertThat(r.headers().firstValue("Content-Security-Policy")).contains(
          "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
    assertThat(send("GET", "/login/login.js", null).headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
  }

  @Test
  void signedInBrowsersGetTheUiWithClientRoutesDeepLinked() {
    Session s = signIn();
    HttpResponse<String> index = send("GET", "/ui/", null, "Cookie", cookie(s));
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(index.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> route = send("GET", "/ui/traces/0123abcd", null, "Cookie", cookie(s));
    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.body()).isEqualTo(index.body());
    assertThat(send("GET", "/ui", null, "Cookie", cookie(s)).headers().firstValue("Location")).contains("/ui/");
    assertThat(send("GET", "/ui/js/missing.js", null, "Cookie", cookie(s)).statusCode()).isEqualTo(404);
    for (String sneaky : List.of("/ui/..%2F..%2Flogback.xml", "/ui/.hidden.js", "/ui/%2e%2e/logback.xml",
        "/ui/../logback.xml")) {
      HttpResponse<String> r = send("GET", sneaky, null, "Cookie", cookie(s));
      assertThat(r.body()).as(sneaky).doesNotContain("<configuration");
    }
    HttpResponse<String> login = send("GET", "/login?next=%2Fui%2Fsessions", null, "Cookie", cookie(s));
    assertThat(login.statusCode()).as("signed in: the login page passes straight on").isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).contains("/ui/sessions");
    HttpResponse<String> away = send("GET", "/login?next=https%3A%2F%2Fevil.example%2F", null, "Cookie", cookie(s));
    assertThat(away.headers().firstValue("Location")).contains("/ui/");
  }

  @Test
  void changingThePasswordSignsOutOtherBrowsers() {
    Session other = signIn();
    Session s = signIn();
    String change = "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"another-password\"}";
    assertThat(send("POST", "/api/v1/auth/password", change, "Cookie", cookie(s)).statusCode()).as("CSRF").isEqualTo(403);
    HttpResponse<String> wrong = send("POST", "/api/v1/auth/password",
        "{\"current_password\":\"nope\",\"new_password\":\"another-password\"}", "Cookie", cookie(s), "X-CSRF-Token", s.csrf());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> changed = send("POST", "/api/v1/auth/password", change, "Cookie", cookie(s), "X-CSRF-Token", s.csrf());
    try {
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      String newCookie = changed.headers().firstValue("Set-Cookie").orElseThrow();
      String token = newCookie.substring("vigil_session=".length(), newCookie.indexOf(';'));
      assertThat(send("GET", "/api/v1/auth/me", null, "Cookie", cookie(other)).statusCode()).isEqualTo(401);
      assertThat(send("GET", "/api/v1/auth/me", null, "Cookie", cookie(s)).statusCode()).isEqualTo(401);
      assertThat(send("GET", "/api/v1/auth/me", null, "Cookie", "vigil_session=" + token).statusCode()).isEqualTo(200);
      assertThat(login("admin", PASSWORD).statusCode()).isEqualTo(401);
      assertThat(login("admin", "another-password").statusCode()).isEqualTo(200);
    } finally { // the other tests sign in with PASSWORD
      Session now = new Session(changed.headers().firstValue("Set-Cookie").orElseThrow().split("[=;]")[1],
          json(changed).path("csrf_token").asText());
      send("POST", "/api/v1/auth/password", "{\"current_password\":\"another-password\",\"new_password\":\"" + PASSWORD + "\"}",
          "Cookie", cookie(now), "X-CSRF-Token", now.csrf());
    }
    assertThat(login("admin", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void theSqlConsoleCannotReadAccountsOrSessions() {
    for (String table : List.of("accounts", "login_sessions")) {
      HttpResponse<String> r = vigil.json("POST", "/api/v1/sql", TestServer.KEY, "{\"query\":\"SELECT * FROM " + table + "\"}");
      assertThat(r.statusCode()).as(table).isEqualTo(400);
    }
  }

  @Test
  void neitherTokenNorPasswordIsOnDisk() throws IOException {
    Session s = signIn();
    vigil.flush();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(content).as(f.toString()).doesNotContain(s.token()).doesNotContain(PASSWORD);
      }
    }
  }
}
