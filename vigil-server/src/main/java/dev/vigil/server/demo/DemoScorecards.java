package dev.vigil.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo's scorecards, one per demo feature, installed through the scorecards API (as a user
 * would) unless the project already has one of that name, so `vigil demo` produces scores.
 */
public final class DemoScorecards {
  static final List<String> NAMES = List.of("support-chat", "classify", "summaries", "incident-agent");

  private DemoScorecards() {}

  static String yaml(String name) {
    try (InputStream in = DemoScorecards.class.getResourceAsStream("scorecards/" + name + ".yaml")) {
      if (in == null) throw new IllegalStateException("missing demo scorecard " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read demo scorecard " + name, e);
    }
  }

  /** @return the names installed now */
  public static List<String> install(URI baseUrl, String apiKey) {
    return DemoInstaller.install(baseUrl, apiKey, "/api/v1/scorecards/", NAMES, DemoScorecards::yaml);
  }
}
