package dev.vigil.server.scoring.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InterruptibleTextTest {
  @Test
  void aRunawayRegexStopsWhenItsThreadIsInterrupted() {
    Pattern catastrophic = Pattern.compile("(x+x+)+y");
    String text = "x".repeat(10_000);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> catastrophic.matcher(new InterruptibleText(text)).find())
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
