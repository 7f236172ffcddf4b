package dev.vigil.server.ui;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import dev.vigil.server.TestServer;
import dev.vigil.server.demo.DemoTraffic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests against the real thing: a JUnit 5 extension that starts Vigil (port 0, a temporary
 * data directory, user {@link #USERNAME}/{@link #PASSWORD}, API key {@link #API_KEY}, a few hours of
 * demo traffic) and Debian's Chromium through Playwright once per test class, and gives every test a
 * fresh {@link BrowserContext} (no cookies). Use it in a class named {@code IT*}:
 *
 * <pre>{@code
 * class ITTracesPage {
 *   @RegisterExtension
 *   static final BrowserHarness vigil = new BrowserHarness();
 *
 *   @Test
 *   void listsTraces() {
 *     Page page = vigil.signedInPage("/ui/traces");
 *     PlaywrightAssertions.assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
 *     vigil.screenshot(page, "traces");                 // docs/screenshots/traces.png
 *     assertThat(vigil.browserErrors()).isEmpty();      // no console errors, no uncaught exceptions
 *   }
 * }
 * }</pre>
 *
 * Relative URLs work ({@code page.navigate("/ui/")}): the context's base URL is the server. When a
 * test fails, every open page is saved under {@code target/browser-failures/}. No browser is ever
 * downloaded: Chromium is {@code /usr/bin/chromium} (installed by {@code .ci/prepare}) or
 * {@code $VIGIL_CHROMIUM}; without it the tests are skipped, except under CI, where they fail.
 */
public final class BrowserHarness implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  public static final String USERNAME = "admin";
  public static final String PASSWORD = "browser-test-password";
  public static final String API_KEY = TestServer.KEY;

  private int demoTraces = 600;
  private Duration demoWindow = Duration.ofHours(6);
  private Path dataDir;
  private TestServer server;
  private Playwright playwright;
  private Browser browser;
  private BrowserContext context;
  private final List<String> errors = new ArrayList<>();
  private final Map<String, String> env = new java.util.HashMap<>(Map.of("VIGIL_ADMIN_PASSWORD", PASSWORD));

  /** An extra setting for the server, as an environment variable (e.g. VIGIL_ALERTING_RULES_FILE). */
  public BrowserHarness env(String name, String value) {
    this.env.put(name, value);
    return this;
  }

  /** How much demo history to load before the tests (0: none); default 600 traces over 6 hours. */
  public BrowserHarness demoTraces(int traces, Duration window) {
    this.demoTraces = traces;
    this.demoWindow = window;
    return this;
  }

  /** The server's root, e.g. {@code http://127.0.0.1:41234}. */
  public URI base() {
    return server.base;
  }

  /** An absolute URL on the server for {@code path} (e.g. {@code /ui/traces}). */
  public String url(String path) {
    return server.base.resolve(path).toString();
  }

  /** The running server, for API calls with {@link #API_KEY} (e.g. to check what a page did). */
  public TestServer server() {
    return server;
  }

  public Browser browser() {
    return browser;
  }

  /** This test's browser context: fresh for every test, closed after it. */
  public BrowserContext context() {
    return context;
  }

  /** A new tab in this test's context, not signed in. */
  public Page newPage() {
    return context.newPage();
  }

  /** Signs this test's context in as {@link #USERNAME} (through the API, not the login page). */
  public void signIn() {
    APIRequestContext request = context.request();
    APIResponse r = request.post(url("/api/v1/auth/login"),
        RequestOptions.create().setData(Map.of("username", USERNAME, "password", PASSWORD)));
    if (r.status() != 200) throw new IllegalStateException("sign-in failed: HTTP " + r.status() + " " + r.text());
  }

  /** A new tab, signed in, at {@code path}. */
  public Page signedInPage(String path) {
    signIn();
    Page page = newPage();
    page.navigate(path);
    return page;
  }

  /** Console errors and uncaught exceptions of every page in this test so far. */
  public List<String> browserErrors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /**
   * Saves a full-page PNG as {@code <name>.png} and returns its path: in {@code docs/screenshots/}
   * when the environment says {@code VIGIL_SCREENSHOTS=docs} (to refresh the pictures the docs show),
   * else under {@code target/screenshots/}, so an ordinary test run leaves the repository clean.
   */
  public Path screenshot(Page page, String name) {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("name must be like 'trace-detail', got '" + name + "'");
    Path dir = "docs".equals(System.getenv("VIGIL_SCREENSHOTS"))
        ? repositoryRoot().resolve("docs").resolve("screenshots")
        : Paths.get("target", "screenshots").toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = dir.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws Exception {
    Path chromium = Paths.get(System.getenv().getOrDefault("VIGIL_CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      String why = chromium + " is missing: run .ci/prepare (installs Debian's chromium) or set VIGIL_CHROMIUM";
      if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(why);
      Assumptions.abort(why);
    }
    dataDir = Files.createTempDirectory("vigil-browser-");
    server = new TestServer(dataDir, env, Clock.systemUTC());
    if (demoTraces > 0) {
      DemoTraffic.backfill(server.base, API_KEY, Clock.systemUTC(), demoWindow, demoTraces);
      server.flush();
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @Override
  public void beforeEach(ExtensionContext ctx) {
    synchronized (errors) {
      errors.clear();
    }
    context = browser.newContext(new Browser.NewContextOptions()
        .setBaseURL(server.base.toString())
        .setViewportSize(1280, 800)
        .setLocale("en-US")
        .setTimezoneId("UTC"));
    context.setDefaultTimeout(15_000);
    context.onPage(page -> {
      page.onConsoleMessage(m -> {
        if ("error".equals(m.type())) record("console: " + m.text() + " (" + page.url() + ")");
      });
      page.onPageError(e -> record("uncaught: " + e + " (" + page.url() + ")"));
    });
  }

  private void record(String error) {
    synchronized (errors) {
      errors.add(error);
    }
  }

  @Override
  public void afterEach(ExtensionContext ctx) {
    if (context == null) return;
    try {
      if (ctx.getExecutionException().isPresent()) saveFailure(ctx);
    } finally {
      context.close();
      context = null;
    }
  }

  private void saveFailure(ExtensionContext ctx) {
    Path dir = Paths.get("target", "browser-failures");
    List<Page> pages = context.pages();
    for (int i = 0; i < pages.size(); i++) {
      String name = ctx.getRequiredTestClass().getSimpleName() + "-" + ctx.getRequiredTestMethod().getName() + "-" + i + ".png";
      try {
        pages.get(i).screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
      } catch (RuntimeException e) {
        // a crashed page cannot be photographed; the test's own failure says more
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext ctx) throws IOException {
    try {
      if (browser != null) browser.close();
      if (playwright != null) playwright.close();
    } finally {
      if (server != null) server.close();
      if (dataDir != null) deleteTree(dataDir);
    }
  }

  /** The directory holding the root pom and docs/, found from the module the tests run in. */
  static Path repositoryRoot() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw"))) return dir;
    }
    throw new IllegalStateException("cannot find the repository root above " + Paths.get("").toAbsolutePath());
  }

  static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
