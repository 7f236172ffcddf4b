package dev.vigil.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's scorecards, one per demo feature, installed through the scorecards API (as a user
 * would) unless the project already has one of that name, so `vigil demo` produces scores.
 */
public final class DemoScorecards {
  private static final Logger LOG = LoggerFactory.getLogger(DemoScorecards.class);
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
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> installed = new java.util.ArrayList<>();
    for (String name : NAMES) {
      URI uri = baseUrl.resolve("/api/v1/scorecards/" + name);
      try {
        var existing = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (existing.statusCode() == 200) continue;
        var put = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml(name))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 == 2) installed.add(name);
        else LOG.warn("demo scorecard {} was refused: {} {}", name, put.statusCode(), put.body());
      } catch (IOException e) {
        LOG.warn("could not install demo scorecard {}: {}", name, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return installed;
  }
}
