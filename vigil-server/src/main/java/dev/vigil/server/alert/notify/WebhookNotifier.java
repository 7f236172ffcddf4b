package dev.vigil.server.alert.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.alert.Notification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook. The receiver verifies {@code X-Vigil-Signature: v1=<hex>}, the HMAC-SHA256 under
 * the shared secret of {@code "<X-Vigil-Timestamp>.<body>"}; signing the timestamp lets it refuse
 * replays of an old body (docs/alerting.md shows the check).
 */
final class WebhookNotifier implements Notifier<Channel.Webhook> {
  static final String SIGNATURE = "X-Vigil-Signature";
  static final String TIMESTAMP = "X-Vigil-Timestamp";

  private final JsonPost http;
  private final ObjectMapper json;
  private final Clock clock;

  WebhookNotifier(JsonPost http, ObjectMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public SendResult send(Channel.Webhook channel, Notification n) {
    return sendBody(channel, body(n));
  }

  /** Any JSON body, signed the same way (alerts and the weekly digest). */
  SendResult sendBody(Channel.Webhook channel, byte[] body) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    return http.post(channel.url(), body, Map.of(TIMESTAMP, timestamp, SIGNATURE, "v1=" + sign(channel.secret(), timestamp, body)));
  }

  byte[] body(Notification n) {
    ObjectNode root = json.createObjectNode();
    root.put("version", 1);
    root.put("state", n.firing() ? "firing" : "resolved");
    root.put("dedup_key", n.dedupKey());
    root.put("rule", n.rule());
    root.put("severity", n.severity().wireName());
    root.put("summary", n.summary());
    root.put("details", n.details());
    root.set("labels", json.valueToTree(n.labels()));
    root.put("probable_cause", n.suspect());
    root.put("runbook_url", n.runbookUrl());
    root.put("link", n.link());
    root.put("started_at", Instant.ofEpochSecond(0, n.startedEpochNanos()).toString());
    root.put("event_at", Instant.ofEpochSecond(0, n.eventEpochNanos()).toString());
    return Notifications.bytes(json, root);
  }

  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
