package dev.vigil.storage.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.storage.JudgeSpendStore;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Judge spend adds up per project and day, across judges, and survives a restart. */
public abstract class ITJudgeSpend extends StorageTestBase {
  static final LocalDate DAY = LocalDate.of(2026, 3, 14);

  private JudgeSpendStore spend() {
    return storage.judgeSpendStore();
  }

  @Test
  public void nothingSpentIsZero() {
    assertThat(spend().spent(project, DAY)).isEqualTo(JudgeSpendStore.Spend.NONE);
  }

  @Test
  public void callsAddUpPerDayAcrossJudgesAndSurviveARestart() {
    spend().add(project, DAY, "cheap", 100, 20, 0.001);
    spend().add(project, DAY, "cheap", 50, 10, 0.0005);
    spend().add(project, DAY, "strong", 200, 40, 0.01);
    spend().add(project, DAY.plusDays(1), "cheap", 7, 1, 0.5);

    reopen();

    JudgeSpendStore.Spend today = spend().spent(project, DAY);
    assertThat(today.calls()).isEqualTo(3);
    assertThat(today.inputTokens()).isEqualTo(350);
    assertThat(today.outputTokens()).isEqualTo(70);
    assertThat(today.costUsd()).isCloseTo(0.0115, within(1e-12));
    assertThat(spend().spent(project, DAY.plusDays(1)).costUsd()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  public void spendIsScopedToItsProject() {
    long other = storage.projectStore().createProject("other", null).id();
    spend().add(other, DAY, "cheap", 100, 20, 3.0);
    assertThat(spend().spent(project, DAY)).isEqualTo(JudgeSpendStore.Spend.NONE);
    assertThat(spend().spent(other, DAY).costUsd()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  public void retentionRemovesDaysBeforeTheCutoff() {
    spend().add(project, DAY, "cheap", 100, 20, 1.0);
    spend().add(project, DAY.plusDays(1), "cheap", 100, 20, 2.0);
    long nextDay = DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    storage.retention().purgeBefore(project, nextDay);
    assertThat(spend().spent(project, DAY)).isEqualTo(JudgeSpendStore.Spend.NONE);
    assertThat(spend().spent(project, DAY.plusDays(1)).costUsd()).isCloseTo(2.0, within(1e-12));
  }
}
