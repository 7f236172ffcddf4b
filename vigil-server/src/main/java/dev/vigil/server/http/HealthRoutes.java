package dev.vigil.server.http;

import dev.vigil.storage.CheckResult;
import dev.vigil.storage.Storage;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** {@code GET /health} (200 when ready, 503 with the reason otherwise) and {@code GET /metrics}. */
final class HealthRoutes {
  private final Storage storage;
  private final PrometheusMeterRegistry registry;

  HealthRoutes(Storage storage, PrometheusMeterRegistry registry) {
    this.storage = storage;
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", ctx -> {
      CheckResult check = storage.check();
      if (check.ok()) {
        ctx.json(Map.of("status", "ok"));
      } else {
        ctx.status(503).json(Map.of("status", "unavailable", "error", check.error()));
      }
    });
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }
}
