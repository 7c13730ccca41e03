package io.sentryj.internal.pipeline;

import io.sentryj.Breadcrumb;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.ScopeStorage;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SentryEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One running SDK instance: its options, scopes, pipeline and transport. Every capture method
 * returns an id and never throws; a capture that fails is counted as {@code internal_sdk_error}.
 */
public final class SentryClient {
  /** The mechanism type of exceptions captured by the application through the API. */
  public static final String MECHANISM_GENERIC = "generic";

  private static final ThreadLocal<int[]> CAPTURE_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final SentryOptions options;
  private final EventParts parts;
  private final EventDefaults defaults;
  private final Transport transport;
  private final DiscardRecorder recorder;
  private final ScopeStorage storage;
  private final EventPipeline pipeline;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A client; {@code publicKey} is the DSN's, or null without a DSN. */
  public SentryClient(
      SentryOptions options,
      EventDefaults defaults,
      EventParts parts,
      Transport transport,
      DiscardRecorder recorder,
      @Nullable String publicKey) {
    this.options = options;
    this.parts = parts;
    this.defaults = defaults;
    this.transport = transport;
    this.recorder = recorder;
    int max = options.maxBreadcrumbs();
    ScopeImpl global = new ScopeImpl(max, options.beforeBreadcrumb());
    ScopeImpl isolation = new ScopeImpl(max, options.beforeBreadcrumb());
    ScopeImpl current = new ScopeImpl(max, options.beforeBreadcrumb());
    this.storage = new ScopeStorage(new Scopes(global, isolation, current));
    this.pipeline = new EventPipeline(options, defaults, parts, transport, recorder, publicKey);
  }

  public SentryOptions options() {
    return options;
  }

  public ScopeStorage storage() {
    return storage;
  }

  public DiscardRecorder recorder() {
    return recorder;
  }

  public Transport transport() {
    return transport;
  }

  /** Whether a capture is running on this thread (a callback of the pipeline is on the stack). */
  public static boolean isCapturing() {
    return CAPTURE_DEPTH.get()[0] > 0;
  }

  /**
   * Captures a throwable caught or reported by the application or an integration; what the event
   * says of it is read now, on this thread. Null captures nothing.
   */
  public SentryId captureException(
      @Nullable Throwable throwable,
      @Nullable Hint hint,
      String mechanismType,
      boolean handled,
      SentryLevel level) {
    if (throwable == null) {
      Diagnostics.warn("captureException(null): nothing to capture, nothing sent");
      return SentryId.EMPTY;
    }
    try {
      SentryEvent event = new SentryEvent();
      event.setLevel(level);
      parts.attachException(event, throwable, mechanismType, handled);
      Hint h = hint != null ? hint : Hint.withThrowable(throwable);
      return captureEvent(event, h);
    } catch (Throwable t) {
      return failed(t);
    }
  }

  /** Captures a message. Null captures nothing. */
  public SentryId captureMessage(@Nullable String message, SentryLevel level) {
    if (message == null) {
      Diagnostics.warn("captureMessage(null): nothing to capture, nothing sent");
      return SentryId.EMPTY;
    }
    try {
      SentryEvent event = new SentryEvent();
      event.setLevel(level);
      Message m = new Message();
      m.setFormatted(message);
      event.setMessage(m);
      parts.attachThreads(event);
      return captureEvent(event, new Hint());
    } catch (Throwable t) {
      return failed(t);
    }
  }

  /**
   * Runs an event through the pipeline with the calling thread's scopes. An event that carries a
   * throwable but no exception chain yet gets one, read from the throwable now.
   */
  public SentryId captureEvent(@Nullable SentryEvent event, @Nullable Hint hint) {
    if (event == null) {
      Diagnostics.warn("captureEvent(null): nothing to capture, nothing sent");
      return SentryId.EMPTY;
    }
    int[] depth = CAPTURE_DEPTH.get();
    if (depth[0] > 0) {
      // a callback of the pipeline (beforeSend, a processor, a logger it calls) captured again:
      // dropping here is what keeps a logging beforeSend from looping
      recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.ERROR, 1);
      Diagnostics.debug("capture from inside a capture on %s dropped", Thread.currentThread());
      return SentryId.EMPTY;
    }
    depth[0]++;
    try {
      Throwable throwable = event.getThrowable();
      if (throwable != null && !event.hasExceptions()) {
        parts.attachException(event, throwable, MECHANISM_GENERIC, true);
      }
      Scopes scopes = storage.current();
      SentryId id = pipeline.process(event, hint != null ? hint : new Hint(), scopes);
      if (!id.isEmpty()) {
        scopes.isolation().setLastEventId(id);
      }
      return id;
    } catch (Throwable t) {
      return failed(t);
    } finally {
      depth[0]--;
    }
  }

  private SentryId failed(Throwable t) {
    try {
      recorder.record(DiscardReason.INTERNAL_SDK_ERROR, DataCategory.ERROR, 1);
      Diagnostics.error("capture failed; the event is dropped", t);
    } catch (Throwable ignored) {
      // nothing more can be done without risking the application
    }
    return SentryId.EMPTY;
  }

  /** Adds a breadcrumb to the calling thread's isolation scope; null is ignored. */
  public void addBreadcrumb(@Nullable Breadcrumb breadcrumb, @Nullable Hint hint) {
    if (breadcrumb == null) {
      return;
    }
    try {
      storage.current().isolation().addBreadcrumb(breadcrumb, hint);
    } catch (Throwable t) {
      Diagnostics.error("addBreadcrumb failed", t);
    }
  }

  /** Waits for the transport to deliver or store what it holds. */
  public boolean flush(long timeoutMillis) {
    try {
      return transport.flush(timeoutMillis);
    } catch (Throwable t) {
      Diagnostics.error("flush failed", t);
      return false;
    }
  }

  /** Whether {@link #close} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Closes the transport within the timeout. Idempotent, safe from any thread. */
  public void close(long timeoutMillis) {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      transport.close(timeoutMillis);
    } catch (Throwable t) {
      Diagnostics.error("closing the transport failed", t);
    }
    defaults.close();
  }

  @Override
  public String toString() {
    return "SentryClient{" + options + ", " + transport + '}';
  }
}
