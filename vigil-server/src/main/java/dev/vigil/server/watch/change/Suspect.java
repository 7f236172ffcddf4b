package dev.vigil.server.watch.change;

import dev.vigil.model.ChangeEvent;

/** A change that may have caused an alert, with its rank score (higher: more likely) and a line for people. */
public record Suspect(ChangeEvent change, double score, String text) {}
