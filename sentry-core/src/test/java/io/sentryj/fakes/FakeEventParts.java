package io.sentryj.fakes;

import io.sentryj.internal.event.DeferredExceptions;
import io.sentryj.internal.pipeline.EventParts;
import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event parts that do the least: one exception per throwable (no causes), no threads, and the event
 * id as payload. Counts calls, so tests can see what runs on which path.
 */
public final class FakeEventParts implements EventParts {
  public final AtomicInteger exceptionCalls = new AtomicInteger();
  public final AtomicInteger serializeCalls = new AtomicInteger();

  @Override
  public void attachException(
      SentryEvent event, Throwable throwable, String mechanismType, boolean handled) {
    long threadId = Thread.currentThread().getId();
    event.setThrowable(throwable);
    event.setExceptions(
        new DeferredExceptions(
            () -> {
              exceptionCalls.incrementAndGet();
              SentryException e = new SentryException();
              e.setType(throwable.getClass().getSimpleName());
              Mechanism m = new Mechanism(mechanismType);
              m.setHandled(handled);
              e.setMechanism(m);
              e.setThreadId(threadId);
              List<SentryException> list = new ArrayList<>();
              list.add(e);
              return list;
            }));
  }

  @Override
  public void attachThreads(SentryEvent event) {}

  @Override
  public byte[] serialize(SentryEvent event, int maxBytes) {
    serializeCalls.incrementAndGet();
    return event.getEventId().toString().getBytes(StandardCharsets.UTF_8);
  }
}
