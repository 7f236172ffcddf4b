package dev.vigil.server.scoring.scorecard;

import java.util.List;

/**
 * A scorecard that cannot be used. The message has one line per problem, each as
 * {@code source:line:column: what is wrong}, the form editors and terminals link to.
 */
public final class ScorecardException extends IllegalArgumentException {
  private final List<String> problems;

  ScorecardException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
