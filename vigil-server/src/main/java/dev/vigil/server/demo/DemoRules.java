package dev.vigil.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo's alert rules, installed through the rules API: the support bot's thumbs-up rate (which
 * prompt v2 drags down, so the alerts page shows a firing alert with its probable cause), its error
 * rate, and input drift. They notify no channel: the demo has nowhere to send to.
 */
public final class DemoRules {
  static final List<String> NAMES = List.of("support-thumbs", "support-errors", "input-drift");

  private DemoRules() {}

  static String yaml(String name) {
    try (InputStream in = DemoRules.class.getResourceAsStream("rules/" + name + ".yaml")) {
      if (in == null) throw new IllegalStateException("missing demo rule " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read demo rule " + name, e);
    }
  }

  /** @return the names installed now */
  public static List<String> install(URI baseUrl, String apiKey) {
    return DemoInstaller.install(baseUrl, apiKey, "/api/v1/alerts/rules/", NAMES, DemoRules::yaml);
  }
}
