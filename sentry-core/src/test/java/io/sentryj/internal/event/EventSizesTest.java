package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Breadcrumb;
import io.sentryj.EnvelopeItem;
import io.sentryj.SentryOptions;
import io.sentryj.protocol.SentryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSizesTest {
  private static final EventFactory EVENTS = EventFactory.of(SentryOptions.builder().build());

  @Test
  void messagesFramesBreadcrumbsAndExtrasAreCounted() {
    SentryEvent empty = EventSnapshot.of(new SentryEvent());
    long base = EventSizes.approximateBytes(empty);

    RuntimeException thrown = new RuntimeException("m".repeat(4000));
    thrown.setStackTrace(frames(200));
    SentryEvent withThrowable = new SentryEvent();
    EVENTS.attachException(withThrowable, thrown, "generic", true);
    long throwableBytes = EventSizes.approximateBytes(EventSnapshot.of(withThrowable)) - base;
    assertThat(throwableBytes).isGreaterThan(2 * 4000 + 200 * 56);

    SentryEvent withCrumbs = new SentryEvent();
    List<Breadcrumb> crumbs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      crumbs.add(Breadcrumb.builder().message("c".repeat(100)).data("k", "v".repeat(100)).build());
    }
    withCrumbs.setBreadcrumbs(crumbs);
    withCrumbs.getExtra().put("blob", Collections.nCopies(50, "x".repeat(1000)));
    long crumbBytes = EventSizes.approximateBytes(EventSnapshot.of(withCrumbs)) - base;
    assertThat(crumbBytes).isGreaterThan(100 * 2 * 200 + 50 * 2 * 1000);
  }

  @Test
  void theEstimateOfAnEmptyEventIsSmall() {
    assertThat(EventSizes.approximateBytes(new SentryEvent())).isBetween(100L, 2000L);
  }

  @Test
  void anItemCountsItsEventUntilItsPayloadIsMadeAndNeverThrows() {
    SentryEvent big = new SentryEvent();
    EVENTS.attachException(big, new IllegalStateException("x".repeat(200_000)), "generic", true);
    SentryEvent snapshot = EventSnapshot.of(big);
    EnvelopeItem lazy = EnvelopeItem.ofEvent(snapshot, () -> new byte[100]);
    assertThat(lazy.retainedBytes()).isGreaterThan(2L * 200_000);
    EnvelopeItem made =
        EnvelopeItem.of("event", Collections.<String, Object>emptyMap(), new byte[5000]);
    assertThat(made.retainedBytes()).isBetween(5000L, 6000L);
    EnvelopeItem failing =
        EnvelopeItem.ofEvent(
            snapshot,
            () -> new byte[0],
            () -> {
              throw new IllegalStateException("a map changed while read");
            });
    assertThat(failing.retainedBytes()).as("a guess, never a throw").isPositive();
  }

  private static StackTraceElement[] frames(int n) {
    StackTraceElement[] frames = new StackTraceElement[n];
    for (int i = 0; i < n; i++) {
      frames[i] = new StackTraceElement("com.example.C", "m" + i, "C.java", i + 1);
    }
    return frames;
  }
}
