package dev.vigil.server.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the demo's scorecards and alert rules through the API, as a user would: each one the
 * project does not have yet is PUT as YAML; an existing one (the user's own edit) is left alone.
 */
final class DemoInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(DemoInstaller.class);

  private DemoInstaller() {}

  /** @return the names installed now */
  static List<String> install(URI baseUrl, String apiKey, String collection, List<String> names, Function<String, String> yaml) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> installed = new ArrayList<>();
    try {
      for (String name : names) {
        URI uri = baseUrl.resolve(collection + name);
        try {
          var existing = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey).GET().build(),
              HttpResponse.BodyHandlers.discarding());
          if (existing.statusCode() == 200) continue;
          var put = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey)
              .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml.apply(name))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (put.statusCode() / 100 == 2) installed.add(name);
          else LOG.warn("demo {}{} was refused: {} {}", collection, name, put.statusCode(), put.body());
        } catch (IOException e) {
          LOG.warn("could not install demo {}{}: {}", collection, name, e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      client.shutdownNow();
    }
    return installed;
  }
}
