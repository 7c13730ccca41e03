package io.sentryj.internal;

import io.sentryj.SentryOptions;
import io.sentryj.internal.envelope.EventSerializer;
import io.sentryj.internal.event.EventFactory;
import io.sentryj.internal.pipeline.EventParts;
import io.sentryj.protocol.SentryEvent;

/** The event parts of a running SDK: the event package's factory and the envelope's serializer. */
final class DefaultEventParts implements EventParts {
  private final EventFactory factory;
  private final EventSerializer serializer = new EventSerializer();

  DefaultEventParts(SentryOptions options) {
    this.factory = EventFactory.of(options);
  }

  @Override
  public void attachException(
      SentryEvent event, Throwable throwable, String mechanismType, boolean handled) {
    factory.attachException(event, throwable, mechanismType, handled);
  }

  @Override
  public void attachThreads(SentryEvent event) {
    factory.attachThreads(event);
  }

  @Override
  public byte[] serialize(SentryEvent event, int maxBytes) {
    return serializer.serialize(event, maxBytes);
  }

  @Override
  public String toString() {
    return "DefaultEventParts{" + factory + '}';
  }
}
