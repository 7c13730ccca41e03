package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.TestSdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event is a snapshot of the moment of capture, taken on the caller's thread: what the
 * application does to its objects afterwards never shows, and none of its code runs on the SDK's
 * threads. Each test serializes only after the application changed its objects, so the state of
 * capture is all that can explain what is sent.
 */
class CaptureSnapshotTest {
  private static final int CAPTURES = 20;

  private final RecordingTransport transport = new RecordingTransport();

  @TempDir Path outbox;

  @AfterEach
  void close() {
    Sentry.close();
  }

  private void initRecording(boolean deduplication) {
    TestSdk.init(transport, o -> o.enableDeduplication(deduplication));
  }

  private List<JsonObject> serializedEvents() {
    List<JsonObject> events = new ArrayList<>();
    for (byte[] payload : TestSdk.eventPayloads(transport.envelopes())) {
      events.add(
          JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject());
    }
    return events;
  }

  private static JsonArray exceptions(JsonObject event) {
    return event.getAsJsonObject("exception").getAsJsonArray("values");
  }

  @Test
  void changingTheThrowableRightAfterCaptureChangesNoEvent() throws Exception {
    initRecording(false);
    StackTraceElement elsewhere = new StackTraceElement("com.example.Later", "moved", "L.java", 9);
    for (int i = 0; i < CAPTURES; i++) {
      IllegalStateException thrown = new IllegalStateException("failure " + i);
      Sentry.captureException(thrown);
      thrown.addSuppressed(new RuntimeException("suppressed later"));
      thrown.setStackTrace(new StackTraceElement[] {elsewhere});
      thrown.initCause(new IllegalArgumentException("cause given later"));
    }

    List<JsonObject> events = serializedEvents();

    assertThat(events).hasSize(CAPTURES);
    for (JsonObject event : events) {
      JsonArray values = exceptions(event);
      assertThat(values).hasSize(1);
      JsonObject thrown = values.get(0).getAsJsonObject();
      assertThat(thrown.get("value").getAsString()).startsWith("failure ");
      assertThat(thrown.toString()).doesNotContain("com.example.Later", "later");
      assertThat(thrown.getAsJsonObject("stacktrace").getAsJsonArray("frames").size())
          .isGreaterThan(1);
    }
  }

  @Test
  void aMessageThatChangesOverTimeIsReadOnceOnTheCapturingThread() throws Exception {
    initRecording(false);
    AtomicInteger calls = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Exception fickle =
        new Exception() {
          @Override
          public String getMessage() {
            threads.add(Thread.currentThread().getName());
            return "answer " + calls.incrementAndGet();
          }
        };

    Sentry.captureException(fickle);
    assertThat(fickle.getMessage()).isEqualTo("answer 2"); // the application asks too
    List<JsonObject> events = serializedEvents();

    assertThat(exceptions(events.get(0)).get(0).getAsJsonObject().get("value").getAsString())
        .isEqualTo("answer 1");
    assertThat(calls).hasValue(2);
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void aMapSetAsExtraAndChangedAfterwardsIsSentAsItWas() throws Exception {
    initRecording(false);
    Map<String, Object> cart = new HashMap<>();
    cart.put("items", 1);
    Sentry.setExtra("cart", cart);
    for (int i = 0; i < CAPTURES; i++) {
      Sentry.captureMessage("checkout " + i);
      cart.put("items", 2 + i);
      cart.put("coupon", "LATE" + i);
    }

    for (JsonObject event : serializedEvents()) {
      JsonObject sent = event.getAsJsonObject("extra").getAsJsonObject("cart");
      assertThat(sent.get("items").getAsInt()).isEqualTo(1);
      assertThat(sent.has("coupon")).isFalse();
    }
  }

  @Test
  void anEventBuiltByTheApplicationAndChangedAfterCaptureIsSentAsCaptured() throws Exception {
    initRecording(false);
    io.sentryj.protocol.SentryEvent event = new io.sentryj.protocol.SentryEvent();
    event.setTag("step", "captured");
    Map<String, Object> details = new HashMap<>();
    details.put("attempt", 1);
    event.getExtra().put("details", details);

    Sentry.captureEvent(event);
    event.setTag("step", "changed");
    details.put("attempt", 2);

    JsonObject sent = serializedEvents().get(0);
    assertThat(sent.getAsJsonObject("tags").get("step").getAsString()).isEqualTo("captured");
    assertThat(sent.getAsJsonObject("extra").getAsJsonObject("details").get("attempt").getAsInt())
        .isEqualTo(1);
  }

  @Test
  void aThrowableWhoseHashCodeThrowsIsSentAndStillDeduplicated() throws Exception {
    initRecording(true);
    RuntimeException hostile =
        new RuntimeException("hash me not") {
          @Override
          public int hashCode() {
            throw new UnsupportedOperationException("no hashCode");
          }

          @Override
          public boolean equals(Object other) {
            throw new UnsupportedOperationException("no equals");
          }
        };

    SentryId first = Sentry.captureException(hostile);
    SentryId second = Sentry.captureException(hostile);

    assertThat(first).isNotEqualTo(SentryId.EMPTY);
    assertThat(second).isEqualTo(first);
    assertThat(serializedEvents()).hasSize(1);
  }

  /**
   * Hostile objects that record the thread of every call the SDK could make on them; delivery is
   * real (the transport's worker writes the outbox), so serialization runs on the SDK's thread.
   */
  @Test
  void noApplicationCodeRunsOnTheSdksThreads() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Sentry.init(
        o ->
            o.outboxOnly(true)
                .outboxDir(outbox.toString())
                .externalConfiguration(false)
                .enableShutdownHook(false)
                .enableUncaughtExceptionHandler(false));
    Recorder value = new Recorder("extra value", threads);
    Map<String, Object> context = new HashMap<>();
    context.put("nested", new Recorder("context value", threads));
    Sentry.setExtra("recorder", value);
    Sentry.setContext("app_state", context);
    Sentry.addBreadcrumb(Breadcrumb.builder().message("m").data("crumb", value).build());
    Sentry.captureException(new RecordingException(threads));
    assertThat(Sentry.flush(10_000)).isTrue();

    List<Path> files = envelopeFiles();
    assertThat(files).hasSize(1);
    JsonObject event = Envelopes.eventJson(Files.readAllBytes(files.get(0)));
    assertThat(event.getAsJsonObject("extra").get("recorder").getAsString())
        .isEqualTo("extra value");
    assertThat(event.toString()).contains("read once", "context value");
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }

  private List<Path> envelopeFiles() throws IOException {
    try (Stream<Path> files = Files.list(outbox)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".envelope"))
          .collect(Collectors.toList());
    }
  }

  /** An application object whose every method the SDK may call records where it ran. */
  private static final class Recorder {
    private final String text;
    private final Set<String> threads;

    Recorder(String text, Set<String> threads) {
      this.text = text;
      this.threads = threads;
    }

    @Override
    public String toString() {
      threads.add(Thread.currentThread().getName());
      return text;
    }

    @Override
    public int hashCode() {
      threads.add(Thread.currentThread().getName());
      return 1;
    }

    @Override
    public boolean equals(Object o) {
      threads.add(Thread.currentThread().getName());
      return o == this;
    }
  }

  private static final class RecordingException extends RuntimeException {
    private final transient Set<String> threads;

    RecordingException(Set<String> threads) {
      super("read once", new IllegalStateException("root"));
      this.threads = threads;
    }

    private <T> T record(T value) {
      threads.add(Thread.currentThread().getName());
      return value;
    }

    @Override
    public String getMessage() {
      return record(super.getMessage());
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      return record(super.getStackTrace());
    }

    @Override
    public synchronized Throwable getCause() {
      return record(super.getCause());
    }

    @Override
    public int hashCode() {
      return record(super.hashCode());
    }

    @Override
    public boolean equals(Object o) {
      return record(super.equals(o));
    }

    @Override
    public String toString() {
      return record(super.toString());
    }
  }
}
