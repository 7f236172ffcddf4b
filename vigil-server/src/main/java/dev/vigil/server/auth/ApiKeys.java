package dev.vigil.server.auth;

import dev.vigil.model.ApiKey;
import dev.vigil.storage.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: {@code vgl_} plus 40 random base62 characters (~238 bits). Only the SHA-256 of a key is
 * stored: with that much entropy a slow KDF adds nothing, and every request can be checked in
 * microseconds. Verified keys are cached briefly; revoking through this server drops them at once.
 */
public final class ApiKeys {
  public static final String PREFIX = "vgl_";
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final long CACHE_NANOS = 30_000_000_000L;
  private static final int CACHE_MAX = 10_000;

  private final ProjectStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Principal principal, boolean revoked, long expiresNanos) {}

  /** A key as created: the record, and the secret shown once. */
  public record Created(ApiKey key, String secret) {}

  /** The outcome of checking a presented key. */
  public sealed interface Verdict {
    record Valid(Principal principal) implements Verdict {}

    record Revoked() implements Verdict {}

    record Unknown() implements Verdict {}
  }

  public ApiKeys(ProjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Created create(long projectId, String name, boolean admin) {
    StringBuilder secret = new StringBuilder(PREFIX);
    for (int i = 0; i < 40; i++) secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    return createWithSecret(projectId, name, secret.toString(), admin);
  }

  /** Stores a key whose secret was chosen outside (VIGIL_INIT_API_KEY). */
  public Created createWithSecret(long projectId, String name, String secret, boolean admin) {
    String prefix = secret.substring(0, Math.min(8, secret.length()));
    ApiKey key = store.createKey(projectId, name, prefix, hash(secret), admin);
    return new Created(key, secret);
  }

  public boolean exists(String secret) {
    return store.findKeyByHash(hash(secret)).isPresent();
  }

  public Verdict verify(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 512) return new Verdict.Unknown();
    String hash = hash(secret);
    long now = clock.millis() * 1_000_000L;
    Cached hit = cache.get(hash);
    if (hit == null || hit.expiresNanos < now) {
      Optional<ApiKey> key = store.findKeyByHash(hash);
      if (key.isEmpty()) return new Verdict.Unknown(); // not cached: random guesses must not fill memory
      if (cache.size() >= CACHE_MAX) cache.clear();
      ApiKey k = key.get();
      hit = new Cached(new Principal(k.projectId(), k.id(), k.admin()), k.revoked(), now + CACHE_NANOS);
      cache.put(hash, hit);
    }
    return hit.revoked ? new Verdict.Revoked() : new Verdict.Valid(hit.principal);
  }

  public List<ApiKey> list(long projectId) {
    return store.listKeys(projectId);
  }

  public boolean revoke(long projectId, String keyId) {
    boolean revoked = store.revokeKey(projectId, keyId);
    cache.values().removeIf(c -> c.principal.keyId().equals(keyId));
    return revoked;
  }

  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
