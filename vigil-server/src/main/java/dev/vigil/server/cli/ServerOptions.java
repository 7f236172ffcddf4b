package dev.vigil.server.cli;

import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.VigilConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by serve and demo; flags win over VIGIL_* variables, which win over the file. */
final class ServerOptions {
  @Option(names = "--config", description = "YAML config file (default: $VIGIL_CONFIG, else ./vigil.yaml if present)")
  Path config;

  @Option(names = "--port", description = "HTTP port (overrides VIGIL_PORT)")
  Integer port;

  @Option(names = "--host", description = "bind address (overrides VIGIL_HOST)")
  String host;

  @Option(names = "--data-dir", description = "data directory (overrides VIGIL_DATA_DIR)")
  Path dataDir;

  VigilConfig load() {
    Path file = config;
    if (file == null && System.getenv("VIGIL_CONFIG") != null) file = Path.of(System.getenv("VIGIL_CONFIG"));
    if (file == null && Files.exists(Path.of("vigil.yaml"))) file = Path.of("vigil.yaml");
    VigilConfig c = new ConfigLoader(System.getenv()).load(file);
    if (host != null || port != null) c = c.withAddress(host != null ? host : c.host(), port != null ? port : c.port());
    if (dataDir != null) c = c.withDataDir(dataDir);
    return c;
  }
}
