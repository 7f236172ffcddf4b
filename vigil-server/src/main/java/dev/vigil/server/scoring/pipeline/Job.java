package dev.vigil.server.scoring.pipeline;

import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.ScoringTask;

/** One metric of one scorecard for one subject; {@code previous} is the failed task being retried. */
record Job(Scorecard card, Scorecard.Metric metric, Subject subject, String sampledBy, ScoringTask previous) {}
