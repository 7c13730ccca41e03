package io.sentryj.fakes;

import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Transport;
import io.sentryj.integration.EnvelopeCodec;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.testing.Envelopes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory transport that keeps every envelope it is given, for tests. */
public final class RecordingTransport implements Transport {
  private final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile RuntimeException failure;

  /** Makes every following {@link #send} throw this. */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public void send(Envelope envelope) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    envelopes.add(envelope);
  }

  @Override
  public boolean flush(long timeoutMillis) {
    return true;
  }

  @Override
  public void close(long timeoutMillis) {
    closed.set(true);
  }

  public boolean isClosed() {
    return closed.get();
  }

  public List<Envelope> envelopes() {
    return envelopes;
  }

  /** The events of all envelopes, in order. */
  public List<SentryEvent> events() {
    List<SentryEvent> events = new ArrayList<>();
    for (Envelope envelope : envelopes) {
      for (EnvelopeItem item : envelope.items()) {
        if (item.event() != null) {
          events.add(item.event());
        }
      }
    }
    return events;
  }

  /** The items of this type of all envelopes, as written on the wire and parsed back. */
  public List<Envelopes.Item> wireItems(String type) {
    List<Envelopes.Item> items = new ArrayList<>();
    for (Envelope envelope : envelopes) {
      for (Envelopes.Item item : Envelopes.parse(EnvelopeCodec.toByteArray(envelope)).items()) {
        if (item.type().equals(type)) {
          items.add(item);
        }
      }
    }
    return items;
  }

  /** The only event sent; fails if there is not exactly one. */
  public SentryEvent onlyEvent() {
    List<SentryEvent> events = events();
    if (events.size() != 1) {
      throw new AssertionError("expected exactly one event, got " + events.size());
    }
    return events.get(0);
  }
}
