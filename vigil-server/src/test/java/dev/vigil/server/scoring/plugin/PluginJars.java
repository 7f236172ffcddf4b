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

  private PluginJars() {}

  /** Compiles {@code com.acme.MentionsProduct} into {@code dir/acme-plugin.jar}; returns the jar. */
  public static Path build(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/acme")).resolve("MentionsProduct.java");
    Files.writeString(src, MENTIONS_PRODUCT);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
    if (rc != 0) throw new IllegalStateException("the plugin did not compile");
    Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("acme-plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, "com/acme/MentionsProduct.class", Files.readAllBytes(classes.resolve("com/acme/MentionsProduct.class")));
      add(out, "META-INF/services/dev.vigil.spi.CustomEvaluator", "com.acme.MentionsProduct\n".getBytes(StandardCharsets.UTF_8));
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
