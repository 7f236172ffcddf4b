package dev.vigil.model;

import java.util.List;

/**
 * Per-project behaviour of ingest and storage. {@code featureAttribute} names the span attribute
 * that carries the feature dimension (else the service name is used).
 */
public record ProjectSettings(
    int retentionDays,
    PiiMode piiMode,
    List<PiiRule> piiRules,
    List<PriceOverride> priceOverrides,
    String featureAttribute) {

  public static final String DEFAULT_FEATURE_ATTRIBUTE = "vigil.feature";
  public static final ProjectSettings DEFAULTS =
      new ProjectSettings(30, PiiMode.MASK, List.of(), List.of(), DEFAULT_FEATURE_ATTRIBUTE);

  public ProjectSettings {
    if (retentionDays < 1 || retentionDays > 3650) {
      throw new IllegalArgumentException("retentionDays must be between 1 and 3650, got " + retentionDays);
    }
    piiMode = piiMode == null ? PiiMode.MASK : piiMode;
    piiRules = piiRules == null ? List.of() : List.copyOf(piiRules);
    priceOverrides = priceOverrides == null ? List.of() : List.copyOf(priceOverrides);
    featureAttribute = featureAttribute == null || featureAttribute.isBlank()
        ? DEFAULT_FEATURE_ATTRIBUTE : featureAttribute;
  }
}
