package dev.vigil.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in and out in a real browser, and a cross-site page that tries to act with the session. */
class ITSignIn {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness().demoTraces(0, Duration.ZERO);

  private static void fillAndSubmit(Page page, String username, String password) {
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByLabel("Password").press("Enter"); // the keyboard is enough
  }

  private String sessionCookie() {
    return vigil.context().cookies().stream().filter(c -> c.name.equals("vigil_session"))
        .map(c -> c.value).findFirst().orElse(null);
  }

  @Test
  void signingInThroughTheLoginPageLandsOnTheUi() {
    Page page = vigil.newPage();
    page.navigate("/ui/");
    assertThat(page).hasURL(Pattern.compile(".*/login\\?next=%2Fui%2F$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    assertThat(page.getByLabel("Username")).isFocused();
    vigil.screenshot(page, "sign-in");

    fillAndSubmit(page, BrowserHarness.USERNAME, BrowserHarness.PASSWORD);
    page.waitForURL(vigil.url("/ui/"));
    Cookie cookie = vigil.context().cookies().stream().filter(c -> c.name.equals("vigil_session")).findFirst().orElseThrow();
    assertThat(cookie.httpOnly).isTrue();
    assertThat(cookie.path).isEqualTo("/");
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void aDeepLinkSurvivesSigningIn() {
    Page page = vigil.newPage();
    page.navigate("/ui/traces/0123456789abcdef0123456789abcdef?range=1h");
    assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
    fillAndSubmit(page, BrowserHarness.USERNAME, BrowserHarness.PASSWORD);
    page.waitForURL(vigil.url("/ui/traces/0123456789abcdef0123456789abcdef?range=1h"));
  }

  @Test
  void nextCannotSendPeopleElsewhere() {
    Page page = vigil.newPage();
    page.navigate("/login?next=//evil.example/ui/");
    fillAndSubmit(page, BrowserHarness.USERNAME, BrowserHarness.PASSWORD);
    page.waitForURL(vigil.url("/ui/"));
  }

  @Test
  void aWrongPasswordShowsAnErrorOnThePage() {
    Page page = vigil.newPage();
    page.navigate("/login");
    fillAndSubmit(page, BrowserHarness.USERNAME, "not-the-password");
    assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong username or password.");
    assertThat(page).hasURL(vigil.url("/login"));
    assertThat(page.getByLabel("Password")).isFocused();
    assertThat(page.getByLabel("Password")).isEmpty();
    assertThat(sessionCookie()).isNull();
    vigil.screenshot(page, "sign-in-error");
  }

  @Test
  void theUiWithoutASessionRedirectsToTheLoginPage() {
    Page page = vigil.newPage();
    Response r = page.navigate("/ui/sessions");
    assertThat(page).hasURL(vigil.url("/login?next=%2Fui%2Fsessions"));
    assertThat(r.status()).isEqualTo(200);
    Response root = page.navigate("/");
    assertThat(page).hasURL(vigil.url("/login?next=%2Fui%2F"));
    assertThat(root.request().redirectedFrom()).isNotNull();
  }

  @Test
  void theApiWithoutSessionOrKeyAnswers401() {
    Page page = vigil.newPage();
    assertThat(page.navigate("/api/v1/traces").status()).isEqualTo(401);
    assertThat(vigil.context().request().get(vigil.url("/api/v1/auth/me")).status()).isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    vigil.signIn();
    // a same-origin page without the UI's scripts: a signed-out UI would head for the login page
    // on its own and race the navigation below
    Page page = vigil.newPage();
    page.navigate("/api/v1/auth/me");
    String token = sessionCookie();
    assertThat(token).isNotNull();
    assertThat(apiWithCookie(token)).isEqualTo(200);

    // what the UI does: the CSRF token from /me, then logout
    Object status = page.evaluate("""
        async () => {
          const me = await (await fetch('/api/v1/auth/me')).json();
          const r = await fetch('/api/v1/auth/logout', {method: 'POST', headers: {'X-CSRF-Token': me.csrf_token}});
          return r.status;
        }""");
    assertThat(status).isEqualTo(204);
    assertThat(sessionCookie()).as("the browser dropped the cookie").isNull();
    assertThat(apiWithCookie(token)).as("and the server forgot it").isEqualTo(401);
    page.navigate("/ui/");
    assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
  }

  @Test
  void aCrossSitePageCannotActWithTheSession() throws Exception {
    vigil.signIn();
    int vigilPort = vigil.base().getPort();
    String target = "http://127.0.0.1:" + vigilPort + "/api/v1/keys";
    // Another site on the same host (127.0.0.1:other is the same *site* as 127.0.0.1:vigil, so the
    // Lax cookie goes along): a form posting a JSON-looking text/plain body, and a credentialed fetch.
    String attack = """
        <!doctype html><html><body>
        <form id="f" method="post" enctype="text/plain" action="%1$s">
          <input name='{"name":"evil-form","x":"' value='"}'>
        </form>
        <script>
          fetch('%1$s', {method: 'POST', mode: 'no-cors', credentials: 'include',
                         headers: {'Content-Type': 'text/plain'}, body: '{"name":"evil-fetch"}'})
            .finally(() => document.getElementById('f').submit());
        </script>
        </body></html>""".formatted(target);
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    evil.createContext("/", exchange -> {
      byte[] body = attack.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    evil.start();
    try {
      Page page = vigil.newPage();
      Response formPost = page.waitForResponse(r -> r.url().equals(target) && r.request().isNavigationRequest(),
          () -> page.navigate("http://127.0.0.1:" + evil.getAddress().getPort() + "/"));
      assertThat(formPost.status()).isEqualTo(403);
      assertThat(formPost.text()).as("the cookie was sent, and refused").contains("CSRF check failed: Origin");
    } finally {
      evil.stop(0);
    }
    HttpResponse<String> keys = vigil.server().get("/api/v1/keys", TestServer.KEY);
    assertThat(keys.body()).doesNotContain("evil");
    assertThat(vigil.server().get("/api/v1/keys", TestServer.KEY).statusCode()).isEqualTo(200);
  }

  private int apiWithCookie(String token) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(vigil.url("/api/v1/traces")))
        .header("Cookie", "vigil_session=" + token).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
