package dev.vigil.server.scoring;

import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A client posting one support-chat call over OTLP every 100 ms until closed, keeping what was refused. */
public final class ChatSender implements AutoCloseable {
  private final AtomicBoolean sending = new AtomicBoolean(true);
  private final AtomicInteger sent = new AtomicInteger();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public ChatSender(TestServer vigil) {
    thread = Thread.ofPlatform().name("it-sender").start(() -> {
      while (sending.get()) {
        var request = OtlpFixtures.chat(OtlpFixtures.randomHex(16), OtlpFixtures.randomHex(8), OtlpFixtures.randomHex(8),
            System.currentTimeMillis() * 1_000_000L, "gpt-4o", "Where is my parcel?", "It ships today.");
        var r = vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray());
        if (r.statusCode() != 200) refused.add(r.statusCode() + " " + new String(r.body()));
        sent.incrementAndGet();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Requests sent so far. */
  public int sent() {
    return sent.get();
  }

  /** Each request answered other than 200, as its status and body. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  @Override
  public void close() throws InterruptedException {
    sending.set(false);
    thread.join();
  }
}
