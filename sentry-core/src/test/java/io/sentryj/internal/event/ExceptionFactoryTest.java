package io.sentryj.internal.event;

import static java.util.Collections.emptyList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackFrame;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ExceptionFactoryTest {
  private final ExceptionFactory factory =
      new ExceptionFactory(new StackFrameFactory(new InAppMatcher(emptyList(), emptyList())));

  @Test
  void aWrappedExceptionComesRootCauseFirstWithTheObservedIds() {
    RuntimeException thrown =
        new RuntimeException("wrapper", new IllegalStateException("root cause"));

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values)
        .extracting(
            SentryException::getType,
            SentryException::getModule,
            SentryException::getValue,
            SentryException::getThreadId)
        .containsExactly(
            tuple("IllegalStateException", "java.lang", "root cause", 1L),
            tuple("RuntimeException", "java.lang", "wrapper", 1L));
    Mechanism root = values.get(0).getMechanism();
    assertThat(root.getType()).isEqualTo("chained");
    assertThat(root.getExceptionId()).isEqualTo(1);
    assertThat(root.getParentId()).isEqualTo(0);
    assertThat(root.getSource()).isEqualTo("cause");
    assertThat(root.getHandled()).isNull();
    Mechanism main = values.get(1).getMechanism();
    assertThat(main.getType()).isEqualTo("generic");
    assertThat(main.getHandled()).isTrue();
    assertThat(main.getExceptionId()).isEqualTo(0);
    assertThat(main.getParentId()).isNull();
    assertThat(main.getSource()).isNull();
    assertThat(main.getExceptionGroup()).isNull();
  }

  @Test
  void theMechanismOfTheThrownExceptionSaysHowItWasCaught() {
    List<SentryException> values =
        factory.exceptions(new IllegalStateException("boom"), "auto.http.servlet", false, 7L);

    assertThat(values).hasSize(1);
    Mechanism mechanism = values.get(0).getMechanism();
    assertThat(mechanism.getType()).isEqualTo("auto.http.servlet");
    assertThat(mechanism.getHandled()).isFalse();
    assertThat(mechanism.getExceptionId()).isEqualTo(0);
    assertThat(values.get(0).getThreadId()).isEqualTo(7L);
  }

  @Test
  void stackTracesAreOldestFirstAndEndAtTheThrowingMethod() {
    Exception thrown = throwHere();

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    List<SentryStackFrame> frames = values.get(0).getStacktrace().getFrames();
    SentryStackFrame last = frames.get(frames.size() - 1);
    assertThat(last.getFunction()).isEqualTo("throwHere");
    assertThat(last.getModule()).isEqualTo(ExceptionFactoryTest.class.getName());
    assertThat(frames.get(frames.size() - 2).getFunction())
        .isEqualTo("stackTracesAreOldestFirstAndEndAtTheThrowingMethod");
    assertThat(frames.get(0).getModule()).isNotEqualTo(ExceptionFactoryTest.class.getName());
  }

  private static Exception throwHere() {
    try {
      throw new IOException("disk");
    } catch (IOException e) {
      return e;
    }
  }

  @Test
  void suppressedExceptionsHangOffTheirParentAndTheRootCauseStaysFirst() {
    IllegalStateException root = new IllegalStateException("root");
    RuntimeException cause = new RuntimeException("cause", root);
    Exception thrown = new Exception("thrown", cause);
    IOException s0 = new IOException("close failed");
    IOException s1 = new IOException("flush failed", new ArithmeticException("under s1"));
    thrown.addSuppressed(s0);
    thrown.addSuppressed(s1);

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values)
        .extracting(
            SentryException::getValue,
            e -> e.getMechanism().getExceptionId(),
            e -> e.getMechanism().getParentId(),
            e -> e.getMechanism().getSource())
        .containsExactly(
            tuple("root", 5, 4, "cause"),
            tuple("cause", 4, 0, "cause"),
            tuple("under s1", 3, 2, "cause"),
            tuple("flush failed", 2, 0, "suppressed[1]"),
            tuple("close failed", 1, 0, "suppressed[0]"),
            tuple("thrown", 0, null, null));
    assertThat(values).allSatisfy(e -> assertThat(e.getMechanism().getExceptionGroup()).isNull());
    assertThat(values.subList(0, 5))
        .allSatisfy(e -> assertThat(e.getMechanism().getType()).isEqualTo("chained"));
  }

  @Test
  void suppressedExceptionsOfACauseHangOffThatCause() {
    IOException cause = new IOException("cause");
    cause.addSuppressed(new IllegalStateException("suppressed by cause"));
    RuntimeException thrown = new RuntimeException("thrown", cause);

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values)
        .extracting(
            SentryException::getValue,
            e -> e.getMechanism().getExceptionId(),
            e -> e.getMechanism().getParentId(),
            e -> e.getMechanism().getSource())
        .containsExactly(
            tuple("cause", 2, 0, "cause"),
            tuple("suppressed by cause", 1, 2, "suppressed[0]"),
            tuple("thrown", 0, null, null));
  }

  @Test
  void aCyclicCauseChainIsWalkedOnce() {
    Cyclic a = new Cyclic("a");
    Cyclic b = new Cyclic("b");
    a.cause = b;
    b.cause = a;

    List<SentryException> values = factory.exceptions(a, "generic", true, 1L);

    assertThat(values).extracting(SentryException::getValue).containsExactly("b", "a");
  }

  @Test
  void aThrowableThatIsItsOwnCauseIsTakenOnce() {
    Cyclic self = new Cyclic("self");
    self.cause = self;

    List<SentryException> values = factory.exceptions(self, "generic", true, 1L);

    assertThat(values).extracting(SentryException::getValue).containsExactly("self");
  }

  @Test
  void throwablesThatSuppressEachOtherAreTakenOnce() {
    // Throwable.addSuppressed refuses "this" and getSuppressed() is final, so a suppression
    // loop needs two throwables.
    IOException a = new IOException("a");
    IOException b = new IOException("b");
    a.addSuppressed(b);
    b.addSuppressed(a);

    List<SentryException> values = factory.exceptions(a, "generic", true, 1L);

    assertThat(values)
        .extracting(SentryException::getValue, e -> e.getMechanism().getSource())
        .containsExactly(tuple("b", "suppressed[0]"), tuple("a", null));
  }

  @Test
  void aThrowableSuppressedByItsOwnCauseIsTakenOnce() {
    IOException cause = new IOException("cause");
    RuntimeException thrown = new RuntimeException("thrown", cause);
    cause.addSuppressed(thrown);

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values).extracting(SentryException::getValue).containsExactly("cause", "thrown");
  }

  @Test
  void aDeepCauseChainIsCappedKeepingTheThrownEnd() {
    Throwable thrown = new RuntimeException("cause 1000");
    for (int i = 999; i >= 0; i--) {
      thrown = new RuntimeException("cause " + i, thrown);
    }

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values).hasSize(ExceptionFactory.MAX_EXCEPTIONS);
    assertThat(values.get(values.size() - 1).getValue()).isEqualTo("cause 0");
    assertThat(values.get(0).getValue())
        .isEqualTo("cause " + (ExceptionFactory.MAX_EXCEPTIONS - 1));
    for (int i = 0; i < values.size(); i++) {
      Mechanism mechanism = values.get(i).getMechanism();
      assertThat(mechanism.getExceptionId()).isEqualTo(values.size() - 1 - i);
    }
  }

  @Test
  void manySuppressedExceptionsDoNotCrowdOutTheCauseChain() {
    RuntimeException thrown = new RuntimeException("thrown", new IOException("cause"));
    for (int i = 0; i < 100; i++) {
      thrown.addSuppressed(new IllegalStateException("suppressed " + i));
    }

    List<SentryException> values = factory.exceptions(thrown, "generic", true, 1L);

    assertThat(values).hasSize(ExceptionFactory.MAX_EXCEPTIONS);
    assertThat(values.get(0).getValue()).isEqualTo("cause");
    assertThat(values.get(values.size() - 1).getValue()).isEqualTo("thrown");
    assertThat(values.get(values.size() - 2).getMechanism().getSource()).isEqualTo("suppressed[0]");
  }

  @Test
  void aThrowingGetMessageFallsBackToToString() {
    Exception e =
        new Exception() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("lazy message failed");
          }

          @Override
          public String toString() {
            return "custom description";
          }
        };

    List<SentryException> values = factory.exceptions(e, "generic", true, 1L);

    assertThat(values.get(0).getValue()).isEqualTo("custom description");
  }

  @Test
  void aThrowingGetMessageAndToStringGiveAPlaceholder() {
    Exception e = new BrokenMessage();

    List<SentryException> values = factory.exceptions(e, "generic", true, 1L);

    assertThat(values.get(0).getType()).isEqualTo("ExceptionFactoryTest$BrokenMessage");
    assertThat(values.get(0).getValue())
        .isEqualTo(
            "<"
                + BrokenMessage.class.getName()
                + ".getMessage() threw java.lang.UnsupportedOperationException>");
  }

  @Test
  void aNullMessageGivesNoValueButAType() {
    List<SentryException> values =
        factory.exceptions(new NullPointerException(), "generic", true, 1L);

    assertThat(values.get(0).getValue()).isNull();
    assertThat(values.get(0).getType()).isEqualTo("NullPointerException");
  }

  @Test
  void throwingAccessorsAreSurvived() {
    Exception e =
        new Exception("odd") {
          @Override
          public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause");
          }

          @Override
          public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace");
          }
        };

    List<SentryException> values = factory.exceptions(e, "generic", true, 1L);

    assertThat(values).hasSize(1);
    assertThat(values.get(0).getValue()).isEqualTo("odd");
    assertThat(values.get(0).getStacktrace()).isNull();
  }

  @Test
  void nestedAndAnonymousClassesKeepTheirBinaryName() {
    Exception anonymous = new Exception("anon") {};

    List<SentryException> values = factory.exceptions(new Cyclic("nested"), "generic", true, 1L);
    List<SentryException> anon = factory.exceptions(anonymous, "generic", true, 1L);

    assertThat(values.get(0).getType()).isEqualTo("ExceptionFactoryTest$Cyclic");
    assertThat(values.get(0).getModule()).isEqualTo("io.sentryj.internal.event");
    assertThat(anon.get(0).getType()).matches("ExceptionFactoryTest\\$\\d+");
  }

  @Test
  void manyThreadsBuildingExceptionsAtOnceNeverFail() throws InterruptedException {
    int threads = 1000;
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    Queue<Object> failures = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  RuntimeException thrown =
                      new RuntimeException("t" + n, new IllegalStateException("c" + n));
                  thrown.addSuppressed(new IOException("s" + n));
                  List<SentryException> values =
                      factory.exceptions(thrown, "generic", true, Thread.currentThread().getId());
                  if (values.size() != 3 || !("t" + n).equals(values.get(2).getValue())) {
                    failures.add("thread " + n + " got " + values);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                } finally {
                  done.countDown();
                }
              },
              "builder-" + i);
      thread.setDaemon(true);
      thread.start();
    }

    start.countDown();

    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(failures).isEmpty();
  }

  /** A throwable whose cause is settable after the fact, so that a chain can loop. */
  static final class Cyclic extends RuntimeException {
    @Nullable Throwable cause;

    Cyclic(String message) {
      super(message);
    }

    @Override
    public synchronized @Nullable Throwable getCause() {
      return cause;
    }
  }

  static final class BrokenMessage extends Exception {
    @Override
    public String getMessage() {
      throw new UnsupportedOperationException("no message");
    }
  }
}
