package io.sentryj.benchmarks.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import io.sentryj.benchmarks.SdkUnderTest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost on the logging thread of sentryj's {@code SentryAppender} beside the official {@code
 * io.sentry.logback.SentryAppender}, in the same run: a line below both thresholds (the logger is
 * at TRACE, so the appender is called and must leave at once), a breadcrumb-level line, and an
 * error with a throwable. Both SDKs deliver to a transport that does nothing; both appenders use
 * their defaults (events from ERROR, breadcrumbs from INFO) and are the only appender.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class LogbackAppenderBenchmark {
  @Param({"sentryj", "official"})
  public String appender;

  private SdkUnderTest sdk;
  private LoggerContext context;
  private Logger log;
  private Throwable throwable;
  private long orderId = 1234;

  @Setup
  public void start() {
    // the SDK is initialised in code first; both appenders then reuse it
    sdk = SdkUnderTest.start(appender, SdkUnderTest.Delivery.NOOP);
    context = new LoggerContext();
    context.setName("bench");
    // as the SLF4J binding does for its context: without an adapter Logback throws on MDC access
    context.setMDCAdapter(new LogbackMDCAdapter());
    Appender<ILoggingEvent> sentry = newAppender(appender);
    sentry.setContext(context);
    sentry.setName("SENTRY");
    sentry.start();
    if (!sentry.isStarted()) {
      throw new IllegalStateException(appender + " appender did not start");
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.TRACE);
    root.addAppender(sentry);
    log = context.getLogger("shop.Checkout");
    throwable = new IllegalStateException("card declined", new RuntimeException("gateway"));
  }

  private static Appender<ILoggingEvent> newAppender(String which) {
    switch (which) {
      case "sentryj":
        return new io.sentryj.logback.SentryAppender();
      case "official":
        return new io.sentry.logback.SentryAppender();
      default:
        throw new IllegalArgumentException(which);
    }
  }

  @TearDown
  public void stop() {
    context.stop();
    sdk.close();
  }

  @Benchmark
  public void belowBothThresholds() {
    log.debug("cart {} recalculated", orderId);
  }

  @Benchmark
  public void breadcrumb() {
    log.info("order {} submitted", orderId);
  }

  @Benchmark
  public void errorWithThrowable() {
    log.error("order {} could not be paid", orderId, throwable);
  }
}
