package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void busyIsEverythingButIdleAndIowait() {
    // user nice system idle iowait irq softirq steal guest guest_nice (guests are already in user)
    assertThat(MachineCpu.parse("cpu  100 5 50 800 20 3 2 1 40 0")).containsExactly(161, 981);
    assertThat(MachineCpu.parse("cpu 1 2 3 4 5 6 7")).containsExactly(19, 28);
    assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheLoadSinceThePreviousReading() {
    MachineCpu cpu = new MachineCpu();
    long until = System.nanoTime() + 50_000_000L;
    long x = 0;
    while (System.nanoTime() < until) x += System.nanoTime() & 1; // some CPU time between the readings
    assertThat(x).isNotNegative();
    assertThat(cpu.load()).isBetween(0.0, 1.0);
  }
}
