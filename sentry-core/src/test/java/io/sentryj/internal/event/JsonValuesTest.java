package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private enum Color {
    RED
  }

  @Test
  void containersAreCopiedDeeplyAndScalarsKept() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("n", 1);
    List<Object> list = new ArrayList<>(Arrays.asList("a", inner, new int[] {1, 2}));
    Map<Object, Object> outer = new LinkedHashMap<>();
    outer.put("list", list);
    outer.put(7, Color.RED);
    outer.put("big", new BigDecimal("1.50"));
    outer.put("counter", new AtomicLong(3));
    outer.put("chars", new char[] {'h', 'i'});
    outer.put("nothing", null);

    Object frozen = JsonValues.freeze(outer);
    inner.put("n", 2);
    list.add("later");

    assertThat(frozen).isInstanceOf(FrozenMap.class);
    assertThat(frozen.toString())
        .isEqualTo("{list=[a, {n=1}, [1, 2]], 7=RED, big=1.50, counter=3, chars=hi}");
    assertThatThrownBy(() -> ((Map<String, Object>) frozen).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(JsonValues.freeze(frozen)).isSameAs(frozen);
  }

  @Test
  void cyclesAreCutAndDepthIsBounded() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    assertThat(JsonValues.freeze(cyclic).toString()).isEqualTo("{self=[cycle]}");

    Object deep = "leaf";
    for (int i = 0; i < JsonValues.MAX_DEPTH + 5; i++) {
      deep = Collections.singletonList(deep);
    }
    assertThat(JsonValues.freeze(deep).toString()).contains("[too deep]").doesNotContain("leaf");
  }

  @Test
  void aThrowingToStringAndNonFiniteNumbersBecomeText() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no");
          }
        };
    assertThat(JsonValues.freeze(hostile))
        .isEqualTo("[toString() threw java.lang.IllegalStateException]");
    assertThat(JsonValues.freeze(Double.NaN)).isEqualTo("NaN");
    assertThat(JsonValues.freeze(2.5)).isEqualTo(2.5);
  }

  @Test
  void sizesAreBounded() {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < JsonValues.MAX_ITEMS * 3; i++) {
      many.add(i);
    }
    assertThat((List<?>) JsonValues.freeze(many)).hasSize(JsonValues.MAX_ITEMS);
    String huge = "x".repeat(JsonValues.MAX_STRING_CHARS * 2);
    assertThat((String) JsonValues.freeze(huge)).hasSize(JsonValues.MAX_STRING_CHARS);
    List<List<Integer>> wide = Collections.nCopies(100, many);
    int total = 0;
    for (Object row : (List<?>) JsonValues.freeze(wide)) {
      total += ((List<?>) row).size();
    }
    assertThat(total).isLessThanOrEqualTo(JsonValues.MAX_NODES);
  }

  @Test
  void aCollectionChangedWhileReadKeepsWhatWasRead() {
    List<String> changing =
        new ArrayList<String>(Arrays.asList("a", "b")) {
          @Override
          public Iterator<String> iterator() {
            Iterator<String> real = super.iterator();
            return new Iterator<String>() {
              int n;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public String next() {
                if (n++ == 1) {
                  throw new ConcurrentModificationException();
                }
                return real.next();
              }
            };
          }
        };
    assertThat(JsonValues.freeze(changing).toString()).isEqualTo("[a]");
  }

  @Test
  void theApplicationsHashCodeAndEqualsNeverRun() {
    Map<String, Object> map =
        new HashMap<String, Object>() {
          @Override
          public int hashCode() {
            throw new UnsupportedOperationException("hashCode");
          }

          @Override
          public boolean equals(Object o) {
            throw new UnsupportedOperationException("equals");
          }
        };
    map.put("k", "v");
    assertThat(JsonValues.freeze(Arrays.asList(map, map)).toString()).isEqualTo("[{k=v}, {k=v}]");
  }
}
