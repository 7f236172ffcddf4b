package dev.vigil.server.ingest.otlp;

/**
 * Context that instrumentations often set only on a trace's root and that its descendants inherit.
 * The prompt's name and version travel as a pair: a child's own prompt never mixes with its parent's.
 */
record Inherited(
    String userId,
    String sessionId,
    String feature,
    String promptName,
    String promptVersion,
    String environment) {

  static final Inherited NONE = new Inherited(null, null, null, null, null, null);

  Inherited orElse(Inherited parent) {
    boolean ownPrompt = promptName != null || promptVersion != null;
    return new Inherited(
        userId != null ? userId : parent.userId,
        sessionId != null ? sessionId : parent.sessionId,
        feature != null ? feature : parent.feature,
        ownPrompt ? promptName : parent.promptName,
        ownPrompt ? promptVersion : parent.promptVersion,
        environment != null ? environment : parent.environment);
  }
}
