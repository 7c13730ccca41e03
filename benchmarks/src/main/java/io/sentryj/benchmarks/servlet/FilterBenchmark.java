package io.sentryj.benchmarks.servlet;

import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.Transport;
import io.sentryj.servlet.jakarta.SentryFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The time {@link SentryFilter} adds to a request that does not fail: a trivial chain called
 * directly ({@code bareChain}) against the same chain behind the filter ({@code filteredChain}),
 * with and without {@code sendDefaultPii}. The target is at most 5 us added per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class FilterBenchmark {
  @Param({"false", "true"})
  public boolean sendDefaultPii;

  private final SentryFilter filter = new SentryFilter();
  private HttpServletRequest request;
  private HttpServletResponse response;
  private FilterChain chain;

  @Setup(Level.Trial)
  public void start(Blackhole blackhole) {
    startSdk(sendDefaultPii);
    request = FakeHttp.request();
    response = FakeHttp.response();
    chain = (req, res) -> blackhole.consume(req);
  }

  @TearDown(Level.Trial)
  public void stop() {
    Sentry.close();
  }

  @Benchmark
  public void bareChain() throws IOException, ServletException {
    request.removeAttribute(FilterBenchmark.class.getName()); // the same fake calls as below
    chain.doFilter(request, response);
  }

  @Benchmark
  public void filteredChain() throws IOException, ServletException {
    // every request is new to the filter: forget the scope the previous one left on the fake
    request.removeAttribute(io.sentryj.servlet.internal.RequestScope.ATTRIBUTE);
    filter.doFilter(request, response, chain);
  }

  /**
   * Starts the SDK as both servlet benchmarks run it: a release, so that each request is also
   * counted as a session, and a transport that drops every envelope (sessions aggregates only).
   */
  static void startSdk(boolean sendDefaultPii) {
    Sentry.init(
        o ->
            o.externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false)
                .release("shop@1.0.0")
                .sendDefaultPii(sendDefaultPii)
                .transportFactory(x -> new Dropping()));
  }

  /** A transport that drops everything: the benchmark measures the filter, not delivery. */
  private static final class Dropping implements Transport {
    @Override
    public void send(Envelope envelope) {}

    @Override
    public boolean flush(long timeoutMillis) {
      return true;
    }

    @Override
    public void close(long timeoutMillis) {}
  }
}
