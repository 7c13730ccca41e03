package io.sentryj.internal.event;

import static java.util.Collections.emptyList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentryj.protocol.SentryStackFrame;
import io.sentryj.protocol.SentryStackTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFrameFactoryTest {
  private final StackFrameFactory factory =
      new StackFrameFactory(new InAppMatcher(emptyList(), emptyList()));

  @Test
  void framesAreOldestFirstWithFileLineAndInApp() {
    StackTraceElement[] newestFirst = {
      new StackTraceElement("com.acme.Repo", "load", "Repo.java", 42),
      new StackTraceElement("com.acme.Service", "handle", "Service.java", 17),
      new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833),
    };

    SentryStackTrace stackTrace = factory.stackTrace(newestFirst);

    assertThat(stackTrace).isNotNull();
    List<SentryStackFrame> frames = stackTrace.getFrames();
    assertThat(frames)
        .extracting(
            SentryStackFrame::getModule,
            SentryStackFrame::getFunction,
            SentryStackFrame::getFilename,
            SentryStackFrame::getLineno,
            SentryStackFrame::getInApp)
        .containsExactly(
            tuple("java.lang.Thread", "run", "Thread.java", 833, false),
            tuple("com.acme.Service", "handle", "Service.java", 17, true),
            tuple("com.acme.Repo", "load", "Repo.java", 42, true));
    assertThat(stackTrace.getFramesOmitted()).isNull();
  }

  @Test
  void aRealStackEndsWithTheThrowingFrame() {
    SentryStackTrace stackTrace = factory.stackTrace(new Throwable().getStackTrace());

    List<SentryStackFrame> frames = stackTrace.getFrames();
    SentryStackFrame last = frames.get(frames.size() - 1);
    assertThat(last.getModule()).isEqualTo(StackFrameFactoryTest.class.getName());
    assertThat(last.getFunction()).isEqualTo("aRealStackEndsWithTheThrowingFrame");
    assertThat(last.getFilename()).isEqualTo("StackFrameFactoryTest.java");
    assertThat(last.getLineno()).isPositive();
  }

  @Test
  void unknownAndNativeLineNumbersAreLeftOut() {
    StackTraceElement[] elements = {
      new StackTraceElement("com.acme.A", "nativeCall", null, -2),
      new StackTraceElement("com.acme.B", "noDebugInfo", "B.java", -1),
      new StackTraceElement("com.acme.C", "zero", "C.java", 0),
    };

    List<SentryStackFrame> frames = factory.stackTrace(elements).getFrames();

    assertThat(frames).extracting(SentryStackFrame::getLineno).containsOnlyNulls();
    assertThat(frames)
        .extracting(SentryStackFrame::getFilename)
        .containsExactly("C.java", "B.java", null);
  }

  @Test
  void nullElementsFromAnOverriddenGetStackTraceAreSkipped() {
    StackTraceElement[] elements = {null, new StackTraceElement("com.acme.A", "m", "A.java", 3)};

    assertThat(factory.stackTrace(elements).getFrames())
        .extracting(SentryStackFrame::getModule)
        .containsExactly("com.acme.A");
    assertThat(factory.stackTrace(new StackTraceElement[] {null})).isNull();
  }

  @Test
  void noElementsMeansNoStackTrace() {
    assertThat(factory.stackTrace(new StackTraceElement[0])).isNull();
    assertThat(factory.stackTrace(null)).isNull();
  }

  @Test
  void aVeryDeepStackKeepsBothEndsAndSaysWhatItLeftOut() {
    int depth = 10_000;
    StackTraceElement[] newestFirst = new StackTraceElement[depth];
    for (int i = 0; i < depth; i++) {
      // oldest-first index of newestFirst[i] is depth - 1 - i; encode it as the line number + 1
      newestFirst[i] = new StackTraceElement("com.acme.Deep", "recurse", "Deep.java", depth - i);
    }

    SentryStackTrace stackTrace = factory.stackTrace(newestFirst);

    List<SentryStackFrame> frames = stackTrace.getFrames();
    assertThat(frames).hasSize(StackFrameFactory.MAX_FRAMES);
    int omittedStart = StackFrameFactory.OLDEST_KEPT;
    int omittedEnd = depth - StackFrameFactory.NEWEST_KEPT;
    assertThat(stackTrace.getFramesOmitted()).containsExactly(omittedStart, omittedEnd);
    // the oldest frames, then the newest, each with its oldest-first index + 1 as line
    assertThat(frames.get(0).getLineno()).isEqualTo(1);
    assertThat(frames.get(omittedStart - 1).getLineno()).isEqualTo(omittedStart);
    assertThat(frames.get(omittedStart).getLineno()).isEqualTo(omittedEnd + 1);
    assertThat(frames.get(frames.size() - 1).getLineno()).isEqualTo(depth);
  }

  @Test
  void aStackOfExactlyTheCapIsKeptWhole() {
    StackTraceElement[] elements = new StackTraceElement[StackFrameFactory.MAX_FRAMES];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = new StackTraceElement("com.acme.A", "m", "A.java", i + 1);
    }

    SentryStackTrace stackTrace = factory.stackTrace(elements);

    assertThat(stackTrace.getFrames()).hasSize(StackFrameFactory.MAX_FRAMES);
    assertThat(stackTrace.getFramesOmitted()).isNull();
  }

  @Test
  void aRealStackOverflowErrorIsCapped() {
    StackOverflowError error = null;
    try {
      recurse(0);
    } catch (StackOverflowError e) {
      error = e;
    }
    assertThat(error).isNotNull();
    StackTraceElement[] elements = error.getStackTrace();
    assertThat(elements.length).isGreaterThan(StackFrameFactory.MAX_FRAMES);

    SentryStackTrace stackTrace = factory.stackTrace(elements);

    assertThat(stackTrace.getFrames()).hasSize(StackFrameFactory.MAX_FRAMES);
    assertThat(stackTrace.getFramesOmitted())
        .containsExactly(
            StackFrameFactory.OLDEST_KEPT, elements.length - StackFrameFactory.NEWEST_KEPT);
    SentryStackFrame newest = stackTrace.getFrames().get(StackFrameFactory.MAX_FRAMES - 1);
    assertThat(newest.getFunction()).isEqualTo(elements[0].getMethodName());
  }

  @SuppressWarnings("InfiniteRecursion") // the point: a real StackOverflowError
  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void framesTheSdkPutBetweenTheApplicationsAreLeftOut() {
    StackTraceElement[] newestFirst = {
      new StackTraceElement("com.acme.Job", "run", "Job.java", 9),
      new StackTraceElement(
          "io.sentryj.agent.instrumentation.executor.CarriedTask", "run", "C.java", 40),
      new StackTraceElement(
          "io.sentryj.agent.shaded.sentryj.internal.scope.ContextCarrier$Carrying",
          "run",
          "C.java",
          50),
      new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "runWorker", "T.java", 1),
    };

    assertThat(factory.stackTrace(newestFirst).getFrames())
        .extracting(SentryStackFrame::getModule)
        .containsExactly("java.util.concurrent.ThreadPoolExecutor", "com.acme.Job");
  }
}
