package dev.vigil.server.ingest.pii;

import dev.vigil.model.PiiMode;
import dev.vigil.model.PiiRule;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds PII and credentials in text and replaces each with a marker: {@code [EMAIL]} in MASK mode,
 * {@code [EMAIL:1a2b3c4d5e6f]} in HASH mode (the first 12 hex digits of HMAC-SHA256 over the value,
 * so equal values stay joinable without being readable), nothing in OFF mode. Immutable and
 * thread-safe; build one per project configuration and share it.
 */
public final class PiiMasker {
  private static final HexFormat HEX = HexFormat.of();
  private static final int HASH_BYTES = 6;

  private final PiiMode mode;
  private final List<CustomRuleDetector> customRules; // regexes that TextHints cannot rule out
  // one field each rather than a list: each call site then sees one class and can be inlined
  private final SecretDetector secrets = new SecretDetector();
  private final AssignmentDetector assignments = new AssignmentDetector();
  private final EmailDetector emails = new EmailDetector();
  private final CardDetector cards = new CardDetector();
  private final IbanDetector ibans = new IbanDetector();
  private final SsnDetector ssns = new SsnDetector();
  private final PhoneDetector phones;
  private final Ipv4Detector ipv4s = new Ipv4Detector();
  private final Ipv6Detector ipv6s = new Ipv6Detector();
  private final Map<String, String> labels; // kind -> marker name
  private final Mac hmac; // cloned per use: Mac is not thread-safe

  /**
   * @param customRules the project's rules; an invalid regex fails here, naming the rule
   * @param defaultRegion region for numbers written without '+', "US" when null
   * @param hashKey the HMAC key, required in HASH mode
   */
  public PiiMasker(PiiMode mode, List<PiiRule> customRules, String defaultRegion, byte[] hashKey) {
    this.mode = Objects.requireNonNull(mode, "mode == null");
    List<CustomRuleDetector> custom = new ArrayList<>();
    for (PiiRule rule : customRules == null ? List.<PiiRule>of() : customRules) {
      custom.add(new CustomRuleDetector(rule));
    }
    this.customRules = List.copyOf(custom);
    this.phones = new PhoneDetector(defaultRegion);
    Map<String, String> labels = new HashMap<>();
    for (String kind : List.of(SecretDetector.KIND, EmailDetector.KIND, CardDetector.KIND, IbanDetector.KIND,
        SsnDetector.KIND, PhoneDetector.KIND, Ipv4Detector.KIND, Ipv6Detector.KIND)) labels.put(kind, label(kind));
    for (CustomRuleDetector d : this.customRules) labels.put(d.name(), label(d.name()));
    this.labels = Map.copyOf(labels);
    this.hmac = mode == PiiMode.HASH ? hmac(hashKey) : null;
  }

  public PiiMode mode() {
    return mode;
  }

  public MaskResult mask(String text) {
    Objects.requireNonNull(text, "text == null");
    if (mode == PiiMode.OFF) return new MaskResult(text, Map.of());
    Map<String, Integer> counts = new HashMap<>(4);
    String masked = mask(text, counts, new TextHints());
    return new MaskResult(masked, counts);
  }

  /**
   * Masks {@code text}, adding to {@code counts}; returns {@code text} itself when nothing was found.
   * {@code hints} is scratch, reused from call to call.
   */
  String mask(String text, Map<String, Integer> counts, TextHints hints) {
    if (mode == PiiMode.OFF || text == null || text.length() < 2) return text;
    boolean builtIn = hints.scan(text);
    if (!builtIn && customRules.isEmpty()) return text; // the common case: one pass and done
    List<Finding> found = new ArrayList<>(4);
    for (CustomRuleDetector d : customRules) d.find(text, hints, found);
    if (builtIn) {
      // priority detectors first so that exact ties go to them; see Overlaps
      secrets.find(text, hints, found);
      assignments.find(text, hints, found);
      emails.find(text, hints, found);
      cards.find(text, hints, found);
      ibans.find(text, hints, found);
      ssns.find(text, hints, found);
      phones.find(text, hints, found);
      ipv4s.find(text, hints, found);
      ipv6s.find(text, hints, found);
    }
    if (found.isEmpty()) return text;
    List<Finding> kept = Overlaps.resolve(found);
    StringBuilder sb = new StringBuilder(text.length());
    Mac mac = mode == PiiMode.HASH ? newMac() : null;
    int last = 0;
    for (Finding f : kept) {
      sb.append(text, last, f.start()).append('[').append(labels.get(f.kind()));
      if (mac != null) {
        byte[] h = mac.doFinal(text.substring(f.start(), f.end()).getBytes(StandardCharsets.UTF_8));
        sb.append(':').append(HEX.formatHex(h, 0, HASH_BYTES));
      }
      sb.append(']');
      last = f.end();
      counts.merge(f.kind(), 1, Integer::sum);
    }
    return sb.append(text, last, text.length()).toString();
  }

  /** The marker's name: upper case, and nothing that could break the JSON or markup around it. */
  static String label(String kind) {
    StringBuilder sb = new StringBuilder(kind.length());
    for (char c : kind.toUpperCase(Locale.ROOT).toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == '.' ? c : '_');
    }
    return sb.toString();
  }

  private Mac newMac() {
    try {
      return (Mac) hmac.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 provider cannot clone", e);
    }
  }

  private static Mac hmac(byte[] key) {
    if (key == null || key.length == 0) throw new IllegalArgumentException("HASH mode needs a non-empty hash key");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
