package dev.vigil.server.scoring.eval;

import java.util.concurrent.CancellationException;

/**
 * Text for regex matching that stops when its thread is interrupted. java.util.regex never checks
 * for interruption, so a catastrophic-backtracking pattern from a scorecard would otherwise keep a
 * worker busy for ever after its timeout; reading a character is where it can be stopped.
 */
final class InterruptibleText implements CharSequence {
  private final CharSequence text;
  private int reads;

  InterruptibleText(CharSequence text) {
    this.text = text;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
      throw new CancellationException("evaluation interrupted");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new InterruptibleText(text.subSequence(start, end));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
