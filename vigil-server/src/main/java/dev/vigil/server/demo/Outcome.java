package dev.vigil.server.demo;

/** What happens to one trace, drawn once per trace so the shares follow {@link Mix}. */
enum Outcome {
  OK,
  ERROR,
  REFUSAL,
  TRUNCATION
}
