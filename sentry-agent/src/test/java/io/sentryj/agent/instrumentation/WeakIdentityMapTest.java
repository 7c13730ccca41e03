package io.sentryj.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {
  /** Equal to every other: the map must not call equals or hashCode. */
  private static final class Everything {
    @Override
    public boolean equals(Object o) {
      throw new AssertionError("equals called");
    }

    @Override
    public int hashCode() {
      throw new AssertionError("hashCode called");
    }
  }

  @Test
  void keysAreComparedByIdentityAndTheSizeIsBounded() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>(2);
    Everything a = new Everything();
    Everything b = new Everything();
    Everything c = new Everything();
    map.put(a, "a");
    map.put(b, "b");
    map.put(c, "c");

    assertThat(map.get(a)).isEqualTo("a");
    assertThat(map.get(b)).isEqualTo("b");
    assertThat(map.get(c)).isNull();
    assertThat(map.remove(a)).isEqualTo("a");
    assertThat(map.size()).isEqualTo(1);
  }
}
