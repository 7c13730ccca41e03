package io.sentryj.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.SentryOptions;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryThread;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventFactoryTest {

  @Test
  void theExceptionChainIsBuiltLazilyWithTheCapturingThreadsId() {
    EventFactory events = EventFactory.of(SentryOptions.builder().build());
    SentryEvent event = new SentryEvent();
    RuntimeException thrown = new RuntimeException("wrapper", new IllegalStateException("root"));

    events.attachException(event, thrown, "generic", true);

    assertThat(event.getThrowable()).isSameAs(thrown);
    assertThat(event.hasExceptions()).isTrue();
    assertThat(event.getThreads()).isEmpty();
    List<SentryException> values = event.getExceptions();
    assertThat(values).extracting(SentryException::getValue).containsExactly("root", "wrapper");
    assertThat(values)
        .extracting(SentryException::getThreadId)
        .containsOnly(Thread.currentThread().getId());
    assertThat(values.get(1).getMechanism().getType()).isEqualTo("generic");
  }

  @Test
  void theThrowableIsReadOnceAtCaptureAndNeverAgain() {
    EventFactory events = EventFactory.of(SentryOptions.builder().build());
    SentryEvent event = new SentryEvent();
    AtomicInteger reads = new AtomicInteger();
    Exception thrown =
        new Exception() {
          @Override
          public String getMessage() {
            return "read " + reads.incrementAndGet();
          }
        };

    events.attachException(event, thrown, "generic", true);

    assertThat(reads).hasValue(1);
    assertThat(event.getExceptions())
        .extracting(SentryException::getValue)
        .containsExactly("read 1");
    assertThat(reads).hasValue(1);
  }

  @Test
  void withAttachThreadsAnUnhandledExceptionMarksTheCurrentThreadCrashed() {
    EventFactory events = EventFactory.of(SentryOptions.builder().attachThreads(true).build());
    SentryEvent event = new SentryEvent();

    events.attachException(event, new IllegalStateException("boom"), "auto.uncaught", false);

    SentryThread current = current(event.getThreads());
    assertThat(current.getCrashed()).isTrue();
    assertThat(current.getStacktrace()).isNull();
    assertThat(event.getThreads().size()).isGreaterThan(1);
  }

  @Test
  void withAttachThreadsAHandledExceptionCrashesNoThread() {
    EventFactory events = EventFactory.of(SentryOptions.builder().attachThreads(true).build());
    SentryEvent event = new SentryEvent();

    events.attachException(event, new IllegalStateException("boom"), "generic", true);

    assertThat(event.getThreads()).extracting(SentryThread::getCrashed).containsOnlyNulls();
    assertThat(current(event.getThreads()).getStacktrace()).isNotNull();
  }

  @Test
  void aMessageEventGetsTheCallersStackWithAttachStacktrace() {
    EventFactory events = EventFactory.of(SentryOptions.builder().attachStacktrace(true).build());
    SentryEvent event = new SentryEvent();

    events.attachThreads(event);

    assertThat(event.getThreads()).hasSize(1);
    assertThat(event.getThreads().get(0).getCurrent()).isTrue();
    assertThat(event.getThreads().get(0).getStacktrace().getFrames()).isNotEmpty();
  }

  @Test
  void theStacksOfThreadsAreTakenAtCaptureAndTheirFramesMadeOnlyWhenAskedFor() {
    EventFactory events = EventFactory.of(SentryOptions.builder().attachThreads(true).build());
    SentryEvent event = new SentryEvent();

    events.attachThreads(event);

    SentryThread current =
        event.getThreads().stream()
            .filter(t -> Boolean.TRUE.equals(t.getCurrent()))
            .findFirst()
            .orElseThrow();
    assertThat(current.getStacktraceSource()).isInstanceOf(ThreadStack.class);
    assertThat(current.getStacktrace().getFrames())
        .extracting(io.sentryj.protocol.SentryStackFrame::getFunction)
        .contains("theStacksOfThreadsAreTakenAtCaptureAndTheirFramesMadeOnlyWhenAskedFor");
    assertThat(current.getStacktraceSource()).isNull();
  }

  @Test
  void aMessageEventGetsNoThreadsByDefault() {
    EventFactory events = EventFactory.of(SentryOptions.builder().build());
    SentryEvent event = new SentryEvent();

    events.attachThreads(event);

    assertThat(event.getThreads()).isEmpty();
  }

  private static SentryThread current(List<SentryThread> threads) {
    for (SentryThread thread : threads) {
      if (thread.getId() == Thread.currentThread().getId()) {
        assertThat(thread.getCurrent()).isTrue();
        return thread;
      }
    }
    throw new AssertionError("no current thread in " + threads);
  }
}
