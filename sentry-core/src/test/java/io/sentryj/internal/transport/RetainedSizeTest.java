package io.sentryj.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Breadcrumb;
import io.sentryj.EnvelopeItem;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an event holds is counted from above: messages, throwables, breadcrumbs, free-form data. */
class RetainedSizeTest {
  private static final String BIG = "x".repeat(200_000);

  @Test
  void aBigExceptionMessageCountsTwoBytesACharacter() {
    SentryEvent e = new SentryEvent();
    e.setThrowable(new IllegalStateException(BIG, new RuntimeException("cause")));
    assertThat(RetainedSize.ofEvent(e)).isGreaterThan(2L * BIG.length());
  }

  @Test
  void eachFrameOfEachThrowableInTheChainCounts() {
    SentryEvent shallow = new SentryEvent();
    shallow.setThrowable(new IllegalStateException("x"));
    SentryEvent deep = new SentryEvent();
    deep.setThrowable(deepThrowable(200));
    assertThat(RetainedSize.ofEvent(deep) - RetainedSize.ofEvent(shallow)).isGreaterThan(200 * 50L);
  }

  @Test
  void aCycleInTheCauseChainEndsTheWalk() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    SentryEvent e = new SentryEvent();
    e.setThrowable(a);
    assertThat(RetainedSize.ofEvent(e)).isPositive();
  }

  @Test
  void breadcrumbsExtrasAndContextsCountWithWhatTheyHold() {
    SentryEvent e = new SentryEvent();
    long empty = RetainedSize.ofEvent(e);
    List<Breadcrumb> crumbs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      crumbs.add(
          Breadcrumb.builder().message("crumb " + i).data("k", BIG.substring(0, 1000)).build());
    }
    e.setBreadcrumbs(crumbs);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("list", Collections.nCopies(10, BIG.substring(0, 10_000)));
    e.setExtra(extra);
    e.getContexts().put("custom", Collections.singletonMap("big", BIG));
    long full = RetainedSize.ofEvent(e);
    assertThat(full - empty).isGreaterThan(100 * 2000L + 10 * 20_000L + 2L * BIG.length());
  }

  @Test
  void aSelfContainingMapIsWalkedToABoundedDepth() {
    Map<String, Object> self = new LinkedHashMap<>();
    self.put("me", self);
    SentryEvent e = new SentryEvent();
    e.setExtra(self);
    assertThat(RetainedSize.ofEvent(e)).isPositive();
  }

  @Test
  void anItemCountsItsPayloadOnceMadeAndItsEventBefore() throws Exception {
    SentryEvent e = new SentryEvent();
    e.setThrowable(new IllegalStateException(BIG));
    EnvelopeItem lazy = EnvelopeItem.ofEvent(e, () -> new byte[100]);
    assertThat(lazy.retainedBytes()).isGreaterThan(2L * BIG.length());
    EnvelopeItem made =
        EnvelopeItem.of("event", Collections.<String, Object>emptyMap(), new byte[5000]);
    assertThat(made.retainedBytes()).isBetween(5000L, 6000L);
    EnvelopeItem failing =
        EnvelopeItem.ofEvent(
            e,
            () -> new byte[0],
            () -> {
              throw new IllegalStateException("a map changed while read");
            });
    assertThat(failing.retainedBytes()).as("a guess, never a throw").isPositive();
  }

  private static Throwable deepThrowable(int depth) {
    if (depth == 0) {
      return new IllegalStateException("deep");
    }
    return deepThrowable(depth - 1);
  }
}
