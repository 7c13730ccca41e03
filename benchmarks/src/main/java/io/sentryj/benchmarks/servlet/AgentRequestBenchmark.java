package io.sentryj.benchmarks.servlet;

import io.sentryj.Sentry;
import io.sentryj.agent.bootstrap.ServletBridge;
import io.sentryj.agent.instrumentation.servlet.ServletHooks;
import io.sentryj.servlet.internal.RequestScope;
import io.sentryj.servlet.jakarta.SentryFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
 * What the agent's servlet capture costs a request that does not fail: exactly the calls its advice
 * inlined into {@code HttpServlet.service} makes ({@link ServletBridge#enter} before the servlet,
 * {@link ServletBridge#exit} after it), through the agent's hooks, which read the request by
 * reflection. Beside it, the same servlet without capture ({@code baseline}) and behind the servlet
 * module's {@link SentryFilter} ({@code filter}). The request is a plain class answering from
 * fields, as a container's does ({@link ContainerRequest}); the SDK runs with a release (so each
 * request is also counted as a session) and a transport that discards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class AgentRequestBenchmark {
  @Param({"false", "true"})
  public boolean sendDefaultPii;

  private final SentryFilter filter = new SentryFilter();
  private ContainerRequest request;
  private HttpServletResponse response;
  private FilterChain servlet;

  @Setup(Level.Trial)
  public void start(Blackhole blackhole) {
    FilterBenchmark.startSdk(sendDefaultPii);
    ServletHooks.install();
    request = new ContainerRequest();
    response = ContainerRequest.response();
    servlet = (req, res) -> blackhole.consume(req);
  }

  @TearDown(Level.Trial)
  public void stop() {
    ServletBridge.install(null);
    Sentry.close();
  }

  @Benchmark
  public void baseline() throws IOException, ServletException {
    request.removeAttribute(RequestScope.ATTRIBUTE); // the same request calls as below
    servlet.doFilter(request, response);
  }

  @Benchmark
  public void filter() throws IOException, ServletException {
    // every request is new: forget the scope the previous one left on the request
    request.removeAttribute(RequestScope.ATTRIBUTE);
    filter.doFilter(request, response, servlet);
  }

  @Benchmark
  public void agent() throws IOException, ServletException {
    request.removeAttribute(RequestScope.ATTRIBUTE);
    // what the agent weaves around a request's entry (HttpServlet.service, a container's chain)
    ServletBridge.enter(request, response);
    Throwable thrown = null;
    try {
      servlet.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      thrown = e;
      throw e;
    } finally {
      ServletBridge.exit(thrown);
    }
    if (request.getAttribute(RequestScope.ATTRIBUTE) == null) {
      throw new IllegalStateException("the agent's hooks did not take the request");
    }
  }
}
