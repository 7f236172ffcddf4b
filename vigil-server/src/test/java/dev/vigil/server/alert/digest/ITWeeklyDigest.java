package dev.vigil.server.alert.digest;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertStatus;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestClock;
import dev.vigil.server.TestServer;
import dev.vigil.server.alert.notify.Channel;
import dev.vigil.server.alert.notify.DigestSender;
import dev.vigil.server.alert.notify.SmtpSettings;
import dev.vigil.util.EpochNanos;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly digest over a real server's storage, sent when a test clock reaches the scheduled hour:
 * by email to GreenMail and as signed JSON to a real local HTTP receiver, once per week.
 */
class ITWeeklyDigest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private HttpServer receiver;
  private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
  private TestServer vigil;
  private TestClock clock;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/digest", exchange -> {
      received.add(Map.of("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          "signature", exchange.getRequestHeaders().getFirst("X-Vigil-Signature"),
          "timestamp", exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp")));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    vigil = new TestServer(dir.resolve("data"), Map.of(), clock);
  }

  @AfterEach
  void stop() {
    vigil.close();
    receiver.stop(0);
  }

  @Test
  void theDigestIsSentAtTheScheduledHourByEmailAndWebhookOnce() throws Exception {
    Instant now = clock.instant();
    long nowNanos = EpochNanos.of(now);
    long day = Duration.ofDays(1).toNanos();
    List<String> thisWeek = List.of(randomHex(16), randomHex(16), randomHex(16));
    for (String trace : thisWeek) send(trace, nowNanos - day);
    send(randomHex(16), nowNanos - 8 * day); // the week before: one call
    long project = vigil.server.storage().projectStore().listProjects().get(0).id();
    vigil.server.storage().alertStore().record(project, new AlertEvent("slow-support", "", AlertStatus.FIRING, 1500,
        nowNanos - 2 * day, "latency_p95_ms is 1500 over the last 5m"));

    // due tomorrow at 00:00 UTC
    var tomorrow = now.atZone(ZoneOffset.UTC).plusDays(1);
    List<Channel> channels = List.of(new Channel.Email("team", List.of("team@example.com")),
        new Channel.Webhook("digest-hook", URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/digest"), "s3cret"),
        new Channel.Slack("chat", URI.create("https://hooks.slack.invalid/x")));
    SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "vigil@example.com", null, null, false);
    DigestJob job = new DigestJob(vigil.server.storage(), new DigestSender(channels, List.of("team", "digest-hook"), smtp, clock),
        new WeeklyDrift(vigil.server.storage()), tomorrow.getDayOfWeek(), 0, clock, "https://vigil.example.com");

    assertThat(job.tick()).as("not due yet").isZero();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    Duration untilDue = Duration.between(now, tomorrow.truncatedTo(ChronoUnit.DAYS).toInstant());
    clock.advance(untilDue.plusMinutes(1));
    assertThat(job.tick()).isEqualTo(1);

    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("[Vigil weekly] default: week to " + tomorrow.toLocalDate());
    String text = GreenMailUtil.getBody(mail);
    assertThat(text).contains("support-chat").contains("calls: 3 (last week 1, +200.0 %)")
        .contains("p95 latency: 1500 ms").contains("Alerts that fired: 1").contains("slow-support")
        .contains("Most expensive traces:").contains("Slowest traces:").contains(thisWeek.get(0).substring(0, 8))
        .contains("Drift: none found").contains("https://vigil.example.com/ui/overview");

    Map<String, String> hook = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(hook).isNotNull();
    JsonNode body = JSON.readTree(hook.get("body"));
    assertThat(body.get("kind").asText()).isEqualTo("weekly_digest");
    JsonNode feature = body.get("features").get(0);
    assertThat(feature.get("feature").asText()).isEqualTo("support-chat");
    assertThat(feature.get("week").get("calls").asInt()).isEqualTo(3);
    assertThat(feature.get("previous_week").get("calls").asInt()).isEqualTo(1);
    assertThat(feature.get("week").get("cost").asDouble()).isPositive();
    assertThat(body.get("alerts_fired")).singleElement().satisfies(a -> assertThat(a.get("rule").asText()).isEqualTo("slow-support"));
    assertThat(body.get("worst_traces").get("slowest")).hasSize(3);
    assertThat(body.get("worst_traces").get("costliest").get(0).get("trace_id").asText()).isIn(thisWeek);
    assertThat(body.get("drift").isArray()).as("too few calls to judge: checked, nothing found").isTrue();
    assertThat(body.get("drift")).isEmpty();
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((hook.get("timestamp") + "." + hook.get("body")).getBytes(StandardCharsets.UTF_8));
    assertThat(hook.get("signature")).isEqualTo("v1=" + java.util.HexFormat.of().formatHex(expected));

    clock.advance(Duration.ofHours(3));
    assertThat(job.tick()).as("once a week").isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(received).isEmpty();
  }

  @Test
  void onlyEmailAndWebhookChannelsThatExistCanCarryTheDigest() {
    List<Channel> channels = List.of(new Channel.Slack("chat", URI.create("https://hooks.slack.invalid/x")),
        new Channel.Email("team", List.of("team@example.com")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DigestSender(channels, List.of("chat"), null, clock))
        .hasMessage("alerting.digest_channels: 'chat' is not an email or webhook channel");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DigestSender(channels, List.of("pager"), null, clock))
        .hasMessage("alerting.digest_channels: no channel named 'pager' in the rules file");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DigestSender(channels, List.of("team"), null, clock))
        .hasMessage("alerting.digest_channels: email channel 'team' needs smtp.host");
  }

  private void send(String traceId, long startNanos) {
    var request = OtlpFixtures.chat(traceId, randomHex(8), randomHex(8), startNanos, "gpt-4o", "q");
    assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
        .isEqualTo(200);
    vigil.flush();
  }
}
