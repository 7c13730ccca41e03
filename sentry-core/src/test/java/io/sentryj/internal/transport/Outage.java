package io.sentryj.internal.transport;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock extension that makes the server fail for a stretch of time, whatever comes in: each
 * request answered while the outage lasts gets {@code during} (a 503, a connection reset...), the
 * others their stub's answer. Driven by the clock, not by counting requests, as real outages are.
 */
final class Outage implements ResponseDefinitionTransformerV2 {
  private final AtomicInteger failed = new AtomicInteger();
  private volatile long endNanos = Long.MIN_VALUE;
  private volatile ResponseDefinition during = ResponseDefinition.ok();

  /** Fails every request with {@code response} for the next {@code millis}. */
  void start(long millis, ResponseDefinition response) {
    during = response;
    endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  boolean isOver() {
    return System.nanoTime() >= endNanos;
  }

  /** Requests the outage answered. */
  int failedRequests() {
    return failed.get();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    if (System.nanoTime() < endNanos) {
      failed.incrementAndGet();
      return during;
    }
    return serveEvent.getResponseDefinition();
  }

  @Override
  public String getName() {
    return "outage";
  }
}
