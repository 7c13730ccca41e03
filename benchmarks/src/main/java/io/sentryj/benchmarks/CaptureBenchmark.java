package io.sentryj.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The cost on the caller's thread of the three calls applications make most, for sentryj and the
 * official SDK in the same run, each with a transport that does nothing ({@code NOOP}) and with one
 * that serializes every envelope to a stream that discards it ({@code SERIALIZE}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class CaptureBenchmark {
  @Param({"sentryj", "official"})
  public String sdk;

  @Param({"NOOP", "SERIALIZE"})
  public SdkUnderTest.Delivery delivery;

  private SdkUnderTest target;
  private Throwable throwable;

  @Setup(Level.Trial)
  public void start() {
    target = SdkUnderTest.start(sdk, delivery);
    throwable = Throwables.withCauses();
    for (int i = 0; i < 100; i++) {
      target.addBreadcrumb("warm-up breadcrumb " + i); // the ring is full from the start
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    target.close();
  }

  @Benchmark
  public void captureException() {
    target.captureException(throwable);
  }

  @Benchmark
  public void captureMessage() {
    target.captureMessage("order 1234 could not be shipped");
  }

  @Benchmark
  public void addBreadcrumb() {
    target.addBreadcrumb("user clicked checkout");
  }
}
