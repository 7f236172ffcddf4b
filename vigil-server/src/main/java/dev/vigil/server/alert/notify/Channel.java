package dev.vigil.server.alert.notify;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where notifications go. Secrets (webhook URLs, routing keys, signing keys) live here and never in
 * the outbox, so a stored delivery names its channel and nothing more.
 */
public sealed interface Channel {
  String name();

  /** A Slack incoming webhook. */
  record Slack(String name, URI webhookUrl) implements Channel {
    public Slack {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(webhookUrl, "webhookUrl == null");
    }
  }

  /** PagerDuty Events API v2: {@code eventsUrl} is https://events.pagerduty.com/v2/enqueue in production. */
  record PagerDuty(String name, String routingKey, URI eventsUrl) implements Channel {
    public static final URI EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    public PagerDuty {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(routingKey, "routingKey == null");
      eventsUrl = eventsUrl == null ? EVENTS_URL : eventsUrl;
    }
  }

  /** Email to fixed recipients through the server's SMTP settings. */
  record Email(String name, List<String> to) implements Channel {
    public Email {
      Objects.requireNonNull(name, "name == null");
      to = List.copyOf(to);
      if (to.isEmpty()) throw new IllegalArgumentException("email channel '" + name + "' has no recipients");
    }
  }

  /** Any HTTP endpoint; each body is signed with HMAC-SHA256 under {@code secret}. */
  record Webhook(String name, URI url, String secret) implements Channel {
    public Webhook {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(url, "url == null");
      Objects.requireNonNull(secret, "secret == null");
    }
  }
}
