package dev.vigil.server.alert.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.alert.Notification;
import java.util.Map;

/**
 * Slack incoming webhook: a {@code text} fallback (shown in notifications) and Block Kit blocks with
 * the details, labels, suspect change and links.
 */
final class SlackNotifier implements Notifier<Channel.Slack> {
  private final JsonPost http;
  private final ObjectMapper json;

  SlackNotifier(JsonPost http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public SendResult send(Channel.Slack channel, Notification n) {
    return http.post(channel.webhookUrl(), body(n), Map.of());
  }

  byte[] body(Notification n) {
    ObjectNode root = json.createObjectNode();
    root.put("text", (n.firing() ? ":rotating_light: " : ":white_check_mark: ") + n.headline());
    ArrayNode blocks = root.putArray("blocks");
    section(blocks, "*" + escape(n.headline()) + "*" + (n.details() == null ? "" : "\n" + escape(n.details())));
    StringBuilder facts = new StringBuilder("*Rule:* " + escape(n.rule()));
    n.labels().forEach((k, v) -> facts.append("  ·  *").append(escape(k)).append(":* ").append(escape(v)));
    section(blocks, facts.toString());
    if (n.suspect() != null) section(blocks, "*Probable cause:* " + escape(n.suspect()));
    StringBuilder links = new StringBuilder();
    if (n.link() != null) links.append("<").append(n.link()).append("|Open in Vigil>");
    if (n.runbookUrl() != null) links.append(links.isEmpty() ? "" : "  ·  ").append("<").append(n.runbookUrl()).append("|Runbook>");
    if (!links.isEmpty()) section(blocks, links.toString());
    return Notifications.bytes(json, root);
  }

  private static void section(ArrayNode blocks, String markdown) {
    ObjectNode block = blocks.addObject();
    block.put("type", "section");
    ObjectNode text = block.putObject("text");
    text.put("type", "mrkdwn");
    text.put("text", markdown);
  }

  /** Slack's three control characters in mrkdwn. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
