package dev.vigil.server.ingest.pii;

import dev.vigil.model.PiiMode;
import java.util.List;

/** A MASK-mode masker with defaults, for detector tests that read best as input → output. */
final class PiiTexts {
  static final PiiMasker US = new PiiMasker(PiiMode.MASK, List.of(), "US", null);

  private PiiTexts() {}

  static String mask(String text) {
    return US.mask(text).text();
  }
}
