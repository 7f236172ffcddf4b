package dev.vigil.server.alert;

import dev.vigil.model.Project;
import dev.vigil.server.alert.digest.DigestJob;
import dev.vigil.server.alert.digest.DigestSchedule;
import dev.vigil.server.alert.digest.WeeklyDrift;
import dev.vigil.server.alert.notify.DeliveryWorker;
import dev.vigil.server.alert.notify.DigestSender;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.server.alert.notify.SmtpSettings;
import dev.vigil.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerting in a running server: evaluates the rules for every project on a fixed interval and runs
 * the delivery worker. A failing evaluation is logged and tried again next interval; it never stops
 * the schedule.
 */
public final class Alerting implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);
  private static final Duration DELIVERY_POLL = Duration.ofSeconds(2);

  private final Storage storage;
  private final AlertsFile file;
  private final AlertRules rules;
  private final AlertEvaluator evaluator;
  private final DeliveryWorker worker;
  private final ScheduledExecutorService timer;
  private final DigestJob digest;

  public Alerting(Storage storage, AlertsFile file, SmtpSettings smtp, Clock clock, String baseUrl, Duration interval) {
    this(storage, file, smtp, clock, baseUrl, interval, DigestSchedule.NONE);
  }

  public Alerting(Storage storage, AlertsFile file, SmtpSettings smtp, Clock clock, String baseUrl, Duration interval,
      DigestSchedule schedule) {
    this.storage = storage;
    this.file = file;
    this.rules = new AlertRules(file, storage.alertRuleStore(), storage.alertStore(), clock);
    // first, so a bad digest channel stops start-up before any thread is running
    this.digest = new DigestJob(storage, new DigestSender(file.channels(), schedule.channels(), smtp, clock),
        new WeeklyDrift(storage), schedule.day(), schedule.hour(), clock, baseUrl);
    Notifications notifications = new Notifications(storage.deliveryStore(), file.channels(), clock);
    this.evaluator = new AlertEvaluator(storage, notifications, clock, baseUrl, Silencer.of(storage.alertRuleStore()));
    this.worker = new DeliveryWorker(notifications, storage.deliveryStore(), smtp, clock);
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-alerts").daemon().factory());
    // always scheduled: rules may be added through the API at any time
    timer.scheduleWithFixedDelay(this::evaluateAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    worker.start(DELIVERY_POLL);
    digest.start(Duration.ofMinutes(1));
    LOG.info("alerting: {} rules, {} channels", file.rules().size(), file.channels().size());
  }

  public List<AlertRule> rules() {
    return file.rules();
  }

  /** File rules plus each project's API rules. */
  public AlertRules ruleBook() {
    return rules;
  }

  /** Replays a rule over past windows with the real evaluator. */
  public RulePreview preview() {
    return new RulePreview(storage, file.channels());
  }

  /** Reads a rule's control-chart state and recent windows for the UI. */
  public ChartView charts() {
    return new ChartView(storage);
  }

  /** One evaluation of every rule for every project. */
  void evaluateAll() {
    for (Project p : storage.projectStore().listProjects()) {
      try {
        List<AlertRule> projectRules = rules.forProject(p.id());
        if (!projectRules.isEmpty()) evaluator.evaluate(p.id(), projectRules);
      } catch (RuntimeException e) {
        LOG.warn("alert evaluation for project {} failed; next try in one interval: {}", p.id(), e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    digest.close();
    worker.close();
  }
}
