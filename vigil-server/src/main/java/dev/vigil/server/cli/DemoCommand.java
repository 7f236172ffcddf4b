package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.config.VigilConfig;
import dev.vigil.server.demo.DemoRules;
import dev.vigil.server.demo.DemoScorecards;
import dev.vigil.server.demo.DemoTraffic;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil demo}: the server plus realistic synthetic traffic sent to it over real OTLP. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Vigil with demo traffic: several features, models and providers, errors, refusals, streaming.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions();

  @Override
  public Integer call() throws InterruptedException {
    VigilConfig config = options.load();
    VigilServer server = Running.start(config);
    String key = server.keyForFirstProject("demo");
    String base = "http://" + Running.displayHost(config) + ":" + server.port();
    var installed = DemoScorecards.install(URI.create("http://127.0.0.1:" + server.port()), key);
    var rules = DemoRules.install(URI.create("http://127.0.0.1:" + server.port()), key);
    DemoTraffic traffic = DemoTraffic.start(URI.create("http://127.0.0.1:" + server.port()), key, Clock.systemUTC());
    System.out.println();
    System.out.println("Vigil demo is running: " + base);
    System.out.println("Web UI: " + base + "/ui/  (user 'admin')");
    System.out.println("API key: " + key);
    System.out.println("Try:  curl -H 'Authorization: Bearer " + key + "' '" + base + "/api/v1/traces?limit=5'");
    if (!installed.isEmpty()) System.out.println("Scorecards installed: " + String.join(", ", installed)
        + "  (scores: GET /api/v1/scoring/status, SELECT * FROM scores)");
    if (!rules.isEmpty()) System.out.println("Alert rules installed: " + String.join(", ", rules) + "  (" + base + "/ui/alerts)");
    System.out.println("Demo traffic is flowing over OTLP; Ctrl-C stops it.");
    Running.awaitShutdown(traffic, server);
    return 0;
  }
}
