package dev.vigil.server.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a feature needs to write one trace: who, when (hours relative to the model's anchor,
 * negative in the past), the session turn, and what should happen.
 */
record Visit(
    Dice dice,
    long endEpochNanos,
    double hours,
    String userId,
    String plan,
    Sessions.Turn turn,
    Outcome outcome,
    boolean pii,
    boolean unknownModel) {

  /** Share of support-chat traffic on prompt v2: rolled out six hours ago, growing to 90 %. */
  double promptV2Share() {
    return Math.max(0.05, Math.min(0.9, 0.1 + 0.8 * (hours + 6) / 9));
  }

  List<String> tags(String... extra) {
    List<String> tags = new ArrayList<>(List.of(extra));
    tags.add("plan:" + plan);
    if (plan.equals("enterprise")) tags.add("vip");
    return tags;
  }

  String withPii(String text) {
    return pii ? text + dice.pick(Texts.PII) : text;
  }
}
