package dev.vigil.server.scoring.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds a plugin jar as a plugin author would: compile against dev.vigil.spi, list the class in META-INF/services. */
public final class PluginJars {
  /** Passes when the answer mentions {@code options.product}; throws on "boom"; not applicable to empty answers. */
  public static final String MENTIONS_PRODUCT = """
      package com.acme;

      import dev.vigil.spi.CustomEvaluator;
      import dev.vigil.spi.EvaluationInput;
      import dev.vigil.spi.EvaluationResult;
      import java.util.Map;

      public final class MentionsProduct implements CustomEvaluator {
        @Override public String name() { return "mentions_product"; }
        @Override public int version() { return 3; }
        @Override public void validate(Map<String, Object> options) {
          if (!(options.get("product") instanceof String)) throw new IllegalArgumentException("'product' must be a string");
        }
        @Override public EvaluationResult evaluate(EvaluationInput in, Map<String, Object> options) {
          if (in.answer().isEmpty()) return EvaluationResult.notApplicable();
          if (in.answer().contains("boom")) throw new IllegalStateException("exploded on purpose");
          String product = (String) options.get("product");
          return in.answer().contains(product) ? EvaluationResult.pass("mentions " + product)
              : EvaluationResult.fail("does not mention " + product + " (asked: " + in.question() + ")");
        }
      }
      """;

  /** Uses {@code options.cpu_ms} of its thread's CPU time on every answer, then passes: scoring that needs CPU. */
  public static final String BURNS_CPU = """
      package com.acme;

      import dev.vigil.spi.CustomEvaluator;
      import dev.vigil.spi.EvaluationInput;
      import dev.vigil.spi.EvaluationResult;
      import java.lang.management.ManagementFactory;
      import java.util.Map;

      public final class BurnsCpu implements CustomEvaluator {
        @Override public String name() { return "burns_cpu"; }
        @Override public int version() { return 1; }
        @Override public void validate(Map<String, Object> options) {
          if (!(options.get("cpu_ms") instanceof Integer)) throw new IllegalArgumentException("'cpu_ms' must be a whole number");
        }
        @Override public EvaluationResult evaluate(EvaluationInput in, Map<String, Object> options) {
          var bean = ManagementFactory.getThreadMXBean();
          long until = bean.getCurrentThreadCpuTime() + (Integer) options.get("cpu_ms") * 1_000_000L;
          while (bean.getCurrentThreadCpuTime() < until && !Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait(); // the loop's condition is the work: reading the thread's CPU clock
          }
          return EvaluationResult.pass("used " + options.get("cpu_ms") + " ms of CPU");
        }
      }
      """;

  /** A scorecard that has {@link #BURNS_CPU} judge every support-chat call with 100 ms of CPU. */
  public static final String BURNS_CPU_SCORECARD = """
      name: support-burnt
      feature: support-chat
      metrics:
        - {name: heavy, type: custom, plugin: burns_cpu, options: {cpu_ms: 100}}
      """;

  private PluginJars() {}

  /** Compiles {@code com.acme.MentionsProduct} into {@code dir/plugins/acme-plugin.jar}; returns the jar. */
  public static Path build(Path dir) throws IOException {
    return build(dir, "MentionsProduct", MENTIONS_PRODUCT);
  }

  /** Compiles {@code com.acme.<simpleName>} from {@code source} into {@code dir/plugins/acme-plugin.jar}; returns the jar. */
  public static Path build(Path dir, String simpleName, String source) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/acme")).resolve(simpleName + ".java");
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
    if (rc != 0) throw new IllegalStateException("the plugin did not compile");
    Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("acme-plugin.jar");
    String classFile = "com/acme/" + simpleName + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, classFile, Files.readAllBytes(classes.resolve(classFile)));
      add(out, "META-INF/services/dev.vigil.spi.CustomEvaluator", ("com.acme." + simpleName + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(bytes);
    out.closeEntry();
  }

}
