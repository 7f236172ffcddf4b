package dev.vigil.server.scoring.plugin;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.spi.CustomEvaluator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom evaluators found in the jars of {@code scoring.plugins_dir}, loaded once at start
 * through {@link ServiceLoader} in one class loader whose parent is Vigil's (plugins compile against
 * {@code dev.vigil.spi} and see Vigil's classes, not each other's secrets). A jar or provider that
 * fails to load is logged and its error kept, so a scorecard naming it says why it is missing.
 */
public final class Plugins {
  private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

  private final Path dir;
  private final Map<String, CustomEvaluator> byName = new LinkedHashMap<>();
  private final Map<String, CustomEvaluator> byClass = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();

  private Plugins(Path dir) {
    this.dir = dir;
  }

  /** @param dir the plugins directory, or null for none */
  public static Plugins load(Path dir) {
    Plugins p = new Plugins(dir);
    if (dir == null) return p;
    if (!Files.isDirectory(dir)) {
      p.errors.add("the plugins directory " + dir + " does not exist");
      LOG.warn("scoring.plugins_dir {} does not exist: no custom evaluators", dir);
      return p;
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) jars.add(f.toUri().toURL());
    } catch (IOException e) {
      p.errors.add("cannot list " + dir + ": " + e.getMessage());
      return p;
    }
    URLClassLoader loader = new URLClassLoader("vigil-plugins", jars.toArray(URL[]::new), Plugins.class.getClassLoader());
    Iterator<CustomEvaluator> it = ServiceLoader.load(CustomEvaluator.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) break;
        p.add(it.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        p.errors.add(e.getMessage());
        LOG.warn("a custom evaluator in {} failed to load: {}", dir, e.toString());
      }
    }
    LOG.info("custom evaluators from {} ({} jars): {}", dir, jars.size(), p.byName.keySet());
    return p;
  }

  private void add(CustomEvaluator e) {
    String name;
    try {
      name = e.name();
    } catch (RuntimeException ex) {
      errors.add(e.getClass().getName() + ".name() failed: " + ex);
      return;
    }
    byClass.put(e.getClass().getName(), e);
    if (name == null || name.isBlank()) {
      errors.add(e.getClass().getName() + " has no name");
    } else if (byName.containsKey(name)) {
      errors.add("two custom evaluators are named '" + name + "': " + byName.get(name).getClass().getName() + " and "
          + e.getClass().getName() + "; refer to them by 'class'");
      byName.put(name, null); // ambiguous: only 'class' finds them
    } else {
      byName.put(name, e);
    }
  }

  /** Builds a {@code custom} metric, recording any problem with its options; null then. */
  public Evaluator evaluator(Options o) {
    return PluginEvaluator.from(o, this);
  }

  CustomEvaluator byName(String name) {
    return byName.get(name);
  }

  CustomEvaluator byClass(String className) {
    return byClass.get(className);
  }

  /** Why a plugin could not be found, with what there is. */
  String missing(String what) {
    StringBuilder sb = new StringBuilder("no custom evaluator " + what);
    if (dir == null) return sb.append(": scoring.plugins_dir is not set").toString();
    sb.append(" in ").append(dir).append("; available: ").append(new TreeSet<>(byName.keySet().stream().filter(k -> byName.get(k) != null).toList()));
    if (!errors.isEmpty()) sb.append("; load errors: ").append(String.join("; ", errors));
    return sb.toString();
  }
}
