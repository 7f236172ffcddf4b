package dev.vigil.server.alert.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the weekly digest: plain text by email, JSON by webhook (signed like alert webhooks). Only
 * those two kinds fit a long report; naming another channel, or one that does not exist, is refused
 * when the server starts rather than discovered on Monday morning.
 */
public final class DigestSender {
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final EmailNotifier email; // null without SMTP settings
  private final WebhookNotifier webhook;
  private final Clock clock;

  public DigestSender(List<Channel> all, List<String> names, SmtpSettings smtp, Clock clock) {
    Map<String, Channel> byName = new LinkedHashMap<>();
    all.forEach(c -> byName.put(c.name(), c));
    for (String name : names) {
      Channel c = byName.get(name);
      if (c == null) throw new IllegalArgumentException("alerting.digest_channels: no channel named '" + name + "' in the rules file");
      if (!(c instanceof Channel.Email) && !(c instanceof Channel.Webhook)) {
        throw new IllegalArgumentException("alerting.digest_channels: '" + name + "' is not an email or webhook channel");
      }
      if (c instanceof Channel.Email && smtp == null) {
        throw new IllegalArgumentException("alerting.digest_channels: email channel '" + name + "' needs smtp.host");
      }
      channels.put(name, c);
    }
    this.email = smtp == null ? null : new EmailNotifier(smtp);
    this.webhook = new WebhookNotifier(JsonPost.create(), new ObjectMapper(), clock);
    this.clock = clock;
  }

  public boolean enabled() {
    return !channels.isEmpty();
  }

  /** Sends to every digest channel; returns one message per channel that failed (empty: all accepted). */
  public List<String> send(String subject, String text, byte[] json) {
    List<String> failures = new ArrayList<>();
    for (Channel c : channels.values()) {
      SendResult r = switch (c) {
        case Channel.Email e -> email.sendText(e, subject, text, clock.instant());
        case Channel.Webhook w -> webhook.sendBody(w, json);
        default -> SendResult.refused("not a digest channel");
      };
      if (!r.ok()) failures.add(c.name() + ": " + r.error());
    }
    return failures;
  }
}
