package dev.vigil.server;

import dev.vigil.server.cli.DemoCommand;
import dev.vigil.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Watches LLM applications in production: traces, quality, drift, cost, alerts.",
    subcommands = {ServeCommand.class, DemoCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0) System.exit(code);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (v == null ? "dev" : v)};
    }
  }
}
