package dev.vigil.server.http;

import dev.vigil.server.alert.Alerting;
import dev.vigil.server.auth.ApiKeys;
import dev.vigil.server.auth.SignIn;
import dev.vigil.server.config.VigilConfig;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.ingest.api.NativeIngestDecoder;
import dev.vigil.server.review.ReviewService;
import dev.vigil.server.scoring.ScoringService;
import dev.vigil.server.embed.Embedder;
import dev.vigil.server.watch.DriftService;
import dev.vigil.server.watch.InputEmbeddings;
import dev.vigil.server.watch.TopicDrift;
import dev.vigil.server.watch.VariantService;
import dev.vigil.storage.Storage;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP server: one port for OTLP ingest, the JSON API and the web UI. The only package that
 * knows the web framework; handlers run on virtual threads, so blocking on the durable write is fine.
 */
import java.util.List;
public final class HttpApi implements AutoCloseable {
  private final Javalin app;
  private final VigilConfig config;

  public HttpApi(VigilConfig config, Storage storage, ApiKeys keys, SignIn signIn, IngestService ingest,
      ScoringService scoring, Alerting alerting, PrometheusMeterRegistry registry, Clock clock) {
    this.config = config;
    CookieAuth cookies = new CookieAuth(signIn, storage.projectStore());
    Authn authn = new Authn(keys, cookies);
    Bodies bodies = new Bodies(config.maxBodyBytes(), config.maxDecompressedBytes());
    this.app = Javalin.create(c -> {
      c.jsonMapper(new JavalinJackson(Json.MAPPER, true));
      c.concurrency.useVirtualThreads = true;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.startup.showJavalinBanner = false;
      Errors.register(c.routes);
      new HealthRoutes(storage, registry).register(c.routes);
      new OtlpRoutes(authn, bodies, ingest).register(c.routes);
      new IngestRoutes(authn, bodies, ingest, new NativeIngestDecoder(clock)).register(c.routes);
      new ProjectRoutes(authn, storage.projectStore(), keys, ingest).register(c.routes);
      new SqlRoutes(authn, storage.sqlConsole(), config.sqlMaxRows(), Duration.ofSeconds(config.sqlTimeoutSeconds()))
          .register(c.routes);
      new QueryRoutes(authn, storage, clock).register(c.routes);
      new ScoreMetricRoutes(authn, storage, clock).register(c.routes);
      new AuthRoutes(signIn, cookies, storage.projectStore()).register(c.routes);
      new UiRoutes(cookies).register(c.routes);
      new ScoringRoutes(authn, scoring, ingest).register(c.routes);
      new ReviewRoutes(authn, new ReviewService(storage, scoring.scorecards(), clock)).register(c.routes);
      new FeedbackRoutes(authn, bodies, ingest, storage.signalStore(), clock).register(c.routes);
      new DatasetRoutes(authn, bodies, storage, clock).register(c.routes);
      new WatchRoutes(authn, new DriftService(storage, List.of()), new InputEmbeddings(storage.spanStore(), Embedder.shared()),
          new TopicDrift(storage.spanStore(), Embedder.shared()), new VariantService(storage), clock).register(c.routes);
      new AlertRoutes(authn, alerting.ruleBook(), storage.alertStore(), storage.deliveryStore()).register(c.routes);
      new AlertRuleRoutes(authn, alerting.ruleBook(), alerting.preview(), clock).register(c.routes);
      new AlertChartRoutes(authn, alerting.ruleBook(), alerting.charts(), clock).register(c.routes);
      new SilenceRoutes(authn, storage.alertRuleStore(), clock).register(c.routes);
    });
  }

  /** Starts listening; returns the bound port (useful when the configured port is 0). */
  public int start() {
    app.start(config.host(), config.port());
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
