package dev.vigil.server.cli;

import dev.vigil.server.VigilServer;
import dev.vigil.server.config.VigilConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil serve}: run the server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run Vigil: API, OTLP ingest and storage on one port.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions();

  @Override
  public Integer call() throws InterruptedException {
    VigilConfig config = options.load();
    VigilServer server = Running.start(config);
    System.out.println("Vigil is listening on http://" + Running.displayHost(config) + ":" + server.port()
        + "  (data: " + config.dataDir().toAbsolutePath() + ")");
    System.out.println("Web UI: http://" + Running.displayHost(config) + ":" + server.port() + "/ui/  (user 'admin')");
    Running.awaitShutdown(server);
    return 0;
  }

}
