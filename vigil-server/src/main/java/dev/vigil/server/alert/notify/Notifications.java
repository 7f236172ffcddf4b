package dev.vigil.server.alert.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Delivery;
import dev.vigil.server.alert.Notification;
import dev.vigil.storage.DeliveryStore;
import dev.vigil.util.EpochNanos;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The way out for alerts: {@link #send} puts one delivery per channel in the durable outbox and
 * returns; a {@link DeliveryWorker} sends them, retrying with backoff. Nothing is sent from the
 * caller's thread, so a slow receiver never holds up the alert evaluation that fired it.
 */
public final class Notifications {
  private final DeliveryStore outbox;
  private final Map<String, Channel> channels;
  private final Clock clock;
  private final ObjectMapper json;

  public Notifications(DeliveryStore outbox, List<Channel> channels, Clock clock) {
    this.outbox = outbox;
    this.channels = new LinkedHashMap<>();
    for (Channel c : channels) {
      if (this.channels.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("two notification channels are named '" + c.name() + "'");
      }
    }
    this.clock = clock;
    // snake_case like the rest of the API, which shows stored notifications as they are
    this.json = new ObjectMapper().findAndRegisterModules()
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
  }

  /**
   * Queues {@code n} for each named channel; returns the delivery ids. Idempotent: the same event for
   * the same channel (a firing at one time, or the resolve of one firing episode) is queued once,
   * however often it is sent.
   */
  public List<String> send(long projectId, Notification n, List<String> channelNames) {
    for (String name : channelNames) {
      if (!channels.containsKey(name)) throw new IllegalArgumentException("no notification channel named '" + name + "'");
    }
    String payload = new String(bytes(json, json.valueToTree(n)), StandardCharsets.UTF_8);
    long now = EpochNanos.of(clock.instant());
    List<String> ids = new ArrayList<>();
    for (String name : channelNames) {
      String id = deliveryId(name, n);
      outbox.enqueue(Delivery.pending(id, projectId, name, payload, now));
      ids.add(id);
    }
    return ids;
  }

  Map<String, Channel> channels() {
    return channels;
  }

  Notification decode(String payload) throws JsonProcessingException {
    return json.readValue(payload, Notification.class);
  }

  ObjectMapper json() {
    return json;
  }

  static String deliveryId(String channel, Notification n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // a firing or reminder is one event in time; a resolve is one per firing episode
      long when = n.firing() ? n.eventEpochNanos() : n.startedEpochNanos();
      String key = channel + '\n' + n.dedupKey() + '\n' + n.stateWord() + '\n' + when;
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static byte[] bytes(ObjectMapper json, Object tree) {
    try {
      return json.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
