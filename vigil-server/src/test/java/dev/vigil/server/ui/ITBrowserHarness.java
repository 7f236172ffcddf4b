package dev.vigil.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness as page tests use it: demo data loaded, a signed-in page whose scripts reach the API. */
class ITBrowserHarness {
  @RegisterExtension
  static final BrowserHarness vigil = new BrowserHarness();

  @Test
  void aSignedInPageReadsDemoTracesThroughTheApi() {
    Page page = vigil.signedInPage("/ui/");
    assertThat(page.url()).isEqualTo(vigil.url("/ui/"));
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) page.evaluate("""
        async () => {
          const me = await (await fetch('/api/v1/auth/me')).json();
          const r = await fetch('/api/v1/traces?limit=5', {headers: {'X-Vigil-Project': String(me.projects[0].id)}});
          return {status: r.status, traces: (await r.json()).traces.length};
        }""");
    assertThat(answer).containsEntry("status", 200).containsEntry("traces", 5);
    assertThat(vigil.browserErrors()).isEmpty();
  }

  @Test
  void everyTestStartsSignedOut() {
    assertThat(vigil.context().cookies()).isEmpty();
    Page page = vigil.newPage();
    page.navigate("/ui/");
    assertThat(page.url()).startsWith(vigil.url("/login"));
  }
}
