package dev.vigil.server.alert.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.alert.Notification;
import java.time.Instant;
import java.util.Map;

/**
 * PagerDuty Events API v2: {@code trigger} when firing and {@code resolve} when resolved, both under
 * the alert's dedup key so PagerDuty closes the incident it opened.
 */
final class PagerDutyNotifier implements Notifier<Channel.PagerDuty> {
  private final JsonPost http;
  private final ObjectMapper json;

  PagerDutyNotifier(JsonPost http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public SendResult send(Channel.PagerDuty channel, Notification n) {
    return http.post(channel.eventsUrl(), body(channel, n), Map.of());
  }

  byte[] body(Channel.PagerDuty channel, Notification n) {
    ObjectNode root = json.createObjectNode();
    root.put("routing_key", channel.routingKey());
    root.put("event_action", n.firing() ? "trigger" : "resolve");
    root.put("dedup_key", n.dedupKey());
    if (n.firing()) {
      ObjectNode payload = root.putObject("payload");
      payload.put("summary", clip(n.headline(), 1024)); // PagerDuty's limit
      payload.put("source", "vigil");
      payload.put("severity", n.severity().wireName()); // critical, warning and info are PagerDuty's words too
      payload.put("timestamp", Instant.ofEpochSecond(0, n.startedEpochNanos()).toString());
      payload.put("component", n.labels().getOrDefault("feature", n.rule()));
      payload.put("class", n.rule());
      ObjectNode custom = payload.putObject("custom_details");
      if (n.details() != null) custom.put("details", n.details());
      if (n.suspect() != null) custom.put("probable_cause", n.suspect());
      n.labels().forEach(custom::put);
      if (n.link() != null || n.runbookUrl() != null) {
        var links = root.putArray("links");
        if (n.link() != null) links.addObject().put("href", n.link()).put("text", "Open in Vigil");
        if (n.runbookUrl() != null) links.addObject().put("href", n.runbookUrl()).put("text", "Runbook");
      }
    }
    return Notifications.bytes(json, root);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
