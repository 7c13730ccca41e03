package io.sentryj;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.testing.Envelopes;
import io.sentryj.testing.EventSchema;
import io.sentryj.testing.TestSdk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What applications throw at the SDK on a bad day: every capture yields a valid event of at most 1
 * MiB, and nothing escapes to the caller.
 */
class HostileInputTest {
  private static final int MAX_EVENT_BYTES = 1024 * 1024;

  private final RecordingTransport transport = new RecordingTransport();

  @BeforeEach
  void init() {
    TestSdk.init(transport, o -> {});
  }

  @AfterEach
  void close() {
    Sentry.close();
  }

  /** Serializes the only envelope as the transport would, checks size and schema, returns it. */
  private JsonObject onlyValidEvent() throws Exception {
    assertThat(transport.envelopes()).hasSize(1);
    byte[] bytes = new EnvelopeWriter().toByteArray(transport.envelopes().get(0), null);
    byte[] payload = Envelopes.parse(bytes).only("event").payload();
    assertThat(payload.length).isLessThanOrEqualTo(MAX_EVENT_BYTES);
    EventSchema.assertValid(payload);
    return Envelopes.eventJson(bytes);
  }

  private static JsonArray exceptions(JsonObject event) {
    return event.getAsJsonObject("exception").getAsJsonArray("values");
  }

  @Test
  void cyclicCauseChain() throws Exception {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Sentry.captureException(a)).isNotEqualTo(SentryId.EMPTY);
    JsonArray values = exceptions(onlyValidEvent());
    assertThat(values).hasSize(2);
    assertThat(values.get(1).getAsJsonObject().get("value").getAsString()).isEqualTo("a");
  }

  @Test
  void getMessageAndToStringThatThrow() throws Exception {
    Throwable hostile =
        new IllegalStateException() {
          @Override
          public String getMessage() {
            throw new UnsupportedOperationException("no message");
          }

          @Override
          public String toString() {
            throw new UnsupportedOperationException("no text");
          }
        };
    assertThat(Sentry.captureException(hostile)).isNotEqualTo(SentryId.EMPTY);
    JsonArray values = exceptions(onlyValidEvent());
    assertThat(values).hasSize(1);
  }

  @Test
  void tenThousandFrameStackKeepsBothEndsAndSaysWhatWasLeftOut() throws Exception {
    StackOverflowError error = new StackOverflowError();
    StackTraceElement[] frames = new StackTraceElement[10_000];
    for (int i = 0; i < frames.length; i++) {
      frames[i] =
          new StackTraceElement("com.example.Recursive", "depth" + i, "Recursive.java", i + 1);
    }
    error.setStackTrace(frames);
    Sentry.captureException(error);
    JsonObject thrown = exceptions(onlyValidEvent()).get(0).getAsJsonObject();
    JsonArray sent = thrown.getAsJsonObject("stacktrace").getAsJsonArray("frames");
    assertThat(sent.size()).isLessThan(10_000).isGreaterThan(100);
    // oldest first: the first sent frame is the bottom of the stack, the last the throwing frame
    assertThat(sent.get(0).getAsJsonObject().get("function").getAsString()).isEqualTo("depth9999");
    assertThat(sent.get(sent.size() - 1).getAsJsonObject().get("function").getAsString())
        .isEqualTo("depth0");
    JsonArray omitted =
        thrown
            .getAsJsonObject("mechanism")
            .getAsJsonObject("data")
            .getAsJsonArray("frames_omitted");
    assertThat(omitted.get(1).getAsInt() - omitted.get(0).getAsInt())
        .isEqualTo(10_000 - sent.size());
  }

  @Test
  void aRealStackOverflowError() throws Exception {
    StackOverflowError caught = null;
    try {
      recurse(0);
    } catch (StackOverflowError e) {
      caught = e;
    }
    assertThat(caught).isNotNull();
    Sentry.captureException(caught);
    assertThat(exceptions(onlyValidEvent()).get(0).getAsJsonObject().get("type").getAsString())
        .isEqualTo("StackOverflowError");
  }

  @SuppressWarnings("InfiniteRecursion") // the point: a real StackOverflowError
  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void nullMessages() throws Exception {
    Sentry.captureException(new RuntimeException((String) null));
    Sentry.captureMessage("");
    assertThat(transport.envelopes()).hasSize(2);
    EnvelopeWriter writer = new EnvelopeWriter();
    for (Envelope envelope : transport.envelopes()) {
      EventSchema.assertValid(
          Envelopes.parse(writer.toByteArray(envelope, null)).only("event").payload());
    }
  }

  @Test
  void oneMegabyteMessagesAreCutToFit() throws Exception {
    StringBuilder sb = new StringBuilder(1_100_000);
    while (sb.length() < 1_000_000) {
      sb.append("ünïcødé payload ");
    }
    String huge = sb.toString();
    Sentry.setExtra("huge", huge);
    Sentry.captureException(new IllegalStateException(huge));
    JsonObject event = onlyValidEvent();
    assertThat(exceptions(event).get(0).getAsJsonObject().get("value").getAsString())
        .startsWith("ünïcødé");
  }

  @Test
  void unpairedSurrogatesBecomeValidUtf8() throws Exception {
    String broken = "left \uD800 right \uDC00 end";
    Sentry.setTag("t", broken);
    Sentry.captureMessage(broken);
    JsonObject event = onlyValidEvent();
    assertThat(event.getAsJsonObject("logentry").get("formatted").getAsString())
        .isEqualTo("left \uFFFD right \uFFFD end");
  }

  @Test
  void extrasThatAreCyclicOrThrow() throws Exception {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    Sentry.setExtra("cyclic", cyclic);
    Sentry.setExtra(
        "throws",
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("toString bug");
          }
        });
    Sentry.captureMessage("extras");
    assertThat(onlyValidEvent().getAsJsonObject("extra").has("cyclic")).isTrue();
  }

  @Test
  void capturingWhileAnotherThreadClosesNeverThrows() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int k = 0; k < 200; k++) {
                    Sentry.captureException(new IllegalStateException("during close " + k));
                    Sentry.addBreadcrumb("b" + k);
                  }
                } catch (Throwable e) {
                  escaped.add(e);
                }
              });
      t.start();
      workers.add(t);
    }
    start.countDown();
    Sentry.close();
    for (Thread t : workers) {
      t.join(30_000);
    }
    assertThat(escaped).isEmpty();
    assertThat(Sentry.isEnabled()).isFalse();
  }
}
