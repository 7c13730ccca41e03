package io.sentryj.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentryj.Attachment;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.SentryOptions;
import io.sentryj.fakes.FakeEventParts;
import io.sentryj.fakes.RecordingTransport;
import io.sentryj.internal.scope.ScopeImpl;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.protocol.SentryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPipelineTest {
  private final RecordingTransport transport = new RecordingTransport();
  private final DiscardRecorder recorder = new DiscardRecorder(null);
  private final FakeEventParts parts = new FakeEventParts();
  private final Scopes scopes =
      new Scopes(new ScopeImpl(100, null), new ScopeImpl(100, null), new ScopeImpl(100, null));

  private EventPipeline pipeline(SentryOptions.Builder options) {
    EventDefaults defaults =
        new EventDefaults(
            new SdkVersion("sentryj.java", "1.0.0"),
            () -> "host-1",
            Collections.<String, Object>singletonMap("name", "Linux"),
            Collections.<String, Object>singletonMap("name", "Java"));
    return new EventPipeline(options.build(), defaults, parts, transport, recorder, "public");
  }

  private static SentryEvent exceptionEvent(Throwable t) {
    SentryEvent event = new SentryEvent();
    event.setThrowable(t);
    return event;
  }

  private static SentryEvent messageEvent(String text) {
    SentryEvent event = new SentryEvent();
    Message m = new Message();
    m.setFormatted(text);
    event.setMessage(m);
    return event;
  }

  @Test
  void stagesRunInTheDocumentedOrder() {
    EventPipeline p =
        pipeline(
            SentryOptions.builder().addIgnoredError("x").beforeSend((e, h) -> e).sampleRate(0.5));
    List<String> names = new ArrayList<>();
    for (Stage stage : p.stages()) {
      names.add(stage.getClass().getSimpleName());
    }
    assertThat(names)
        .containsExactly(
            "ApplyScopesStage",
            "EventProcessorsStage",
            "IgnoreRulesStage",
            "DeduplicationStage",
            "BeforeSendStage",
            "SamplingStage",
            "SnapshotStage",
            "ScrubStage");
  }

  @Test
  void eventIsFilledFromOptionsAndProcessAndSent() {
    EventPipeline p =
        pipeline(SentryOptions.builder().release("shop@1.0").dist("7").tag("region", "eu"));
    SentryEvent event = messageEvent("hello");
    SentryId id = p.process(event, new Hint(), scopes);
    assertThat(id).isEqualTo(event.getEventId());
    SentryEvent sent = transport.onlyEvent();
    assertThat(sent.getEnvironment()).isEqualTo("production");
    assertThat(sent.getRelease()).isEqualTo("shop@1.0");
    assertThat(sent.getDist()).isEqualTo("7");
    assertThat(sent.getServerName()).isEqualTo("host-1");
    assertThat(sent.getLevel()).isEqualTo(SentryLevel.ERROR);
    assertThat(sent.getTags()).containsEntry("region", "eu");
    assertThat(sent.getSdk().getName()).isEqualTo("sentryj.java");
    assertThat(sent.getContexts().get("os")).containsEntry("name", "Linux");
    assertThat(sent.getContexts().get("runtime")).containsEntry("name", "Java");
    assertThat(sent.getContexts().getTrace()).isNotNull();
  }

  @Test
  void envelopeCarriesEventIdSdkAndTraceHeaders() {
    EventPipeline p = pipeline(SentryOptions.builder().release("r1"));
    SentryEvent event = messageEvent("hello");
    p.process(event, new Hint(), scopes);
    Envelope envelope = transport.envelopes().get(0);
    assertThat(envelope.eventId()).isEqualTo(event.getEventId());
    @SuppressWarnings("unchecked")
    Map<String, Object> trace = (Map<String, Object>) envelope.headers().get("trace");
    assertThat(trace)
        .containsEntry("trace_id", event.getContexts().getTrace().getTraceId().toString())
        .containsEntry("public_key", "public")
        .containsEntry("environment", "production")
        .containsEntry("release", "r1");
    assertThat((String) trace.get("sample_rand")).matches("0\\.\\d{6}");
    assertThat(trace).doesNotContainKey("sampled"); // deferred sampling
    @SuppressWarnings("unchecked")
    Map<String, Object> sdk = (Map<String, Object>) envelope.headers().get("sdk");
    assertThat(sdk).containsEntry("name", "sentryj.java").containsEntry("version", "1.0.0");
  }

  @Test
  void serializationWaitsForTheTransport() throws IOException {
    EventPipeline p = pipeline(SentryOptions.builder());
    p.process(exceptionEvent(new IllegalStateException("x")), new Hint(), scopes);
    assertThat(parts.serializeCalls.get()).isZero();
    EnvelopeItem item = transport.envelopes().get(0).items().get(0);
    assertThat(new String(item.payload(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(item.event().getEventId().toString());
    assertThat(parts.serializeCalls.get()).isEqualTo(1);
  }

  @Test
  void processorReturningNullDropsAndCounts() {
    EventPipeline p = pipeline(SentryOptions.builder().addEventProcessor((e, h) -> null));
    SentryId id = p.process(messageEvent("x"), new Hint(), scopes);
    assertThat(id).isEqualTo(SentryId.EMPTY);
    assertThat(transport.envelopes()).isEmpty();
    assertThat(recorder.count(DiscardReason.EVENT_PROCESSOR, DataCategory.ERROR)).isEqualTo(1);
  }

  @Test
  void throwingProcessorIsSkippedAndTheNextOneStillRuns() {
    EventPipeline p =
        pipeline(
            SentryOptions.builder()
                .addEventProcessor(
                    (e, h) -> {
                      throw new IllegalStateException("processor bug");
                    })
                .addEventProcessor(
                    (e, h) -> {
                      e.setTag("second", "ran");
                      return e;
                    }));
    p.process(messageEvent("x"), new Hint(), scopes);
    assertThat(transport.onlyEvent().getTags()).containsEntry("second", "ran");
  }

  @Test
  void scopeProcessorsRunAfterTheOptionsOnes() {
    List<String> order = new ArrayList<>();
    scopes
        .isolation()
        .addEventProcessor(
            (e, h) -> {
              order.add("scope");
              return e;
            });
    EventPipeline p =
        pipeline(
            SentryOptions.builder()
                .addEventProcessor(
                    (e, h) -> {
                      order.add("options");
                      return e;
                    }));
    p.process(messageEvent("x"), new Hint(), scopes);
    assertThat(order).containsExactly("options", "scope");
  }

  static class BaseFailure extends RuntimeException {
    BaseFailure(String m) {
      super(m);
    }
  }

  static final class SubFailure extends BaseFailure {
    SubFailure(String m) {
      super(m);
    }
  }

  @Test
  void ignoredTypeMatchesSubclassesAnywhereInTheCauseChain() {
    EventPipeline p =
        pipeline(SentryOptions.builder().addIgnoredExceptionForType(BaseFailure.class));
    Throwable wrapped = new RuntimeException("outer", new SubFailure("inner"));
    assertThat(p.process(exceptionEvent(wrapped), new Hint(), scopes)).isEqualTo(SentryId.EMPTY);
    assertThat(p.process(exceptionEvent(new IllegalStateException("other")), new Hint(), scopes))
        .isNotEqualTo(SentryId.EMPTY);
    assertThat(recorder.count(DiscardReason.IGNORED, DataCategory.ERROR)).isEqualTo(1);
  }

  @Test
  void ignoredTypeSurvivesACyclicCauseChain() {
    EventPipeline p =
        pipeline(SentryOptions.builder().addIgnoredExceptionForType(BaseFailure.class));
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(p.process(exceptionEvent(a), new Hint(), scopes)).isNotEqualTo(SentryId.EMPTY);
  }

  @Test
  void ignoredErrorsMatchExactlyOrAsRegex() {
    EventPipeline p =
        pipeline(
            SentryOptions.builder()
                .addIgnoredError("Broken pipe")
                .addIgnoredError("Connection reset.*")
                .addIgnoredError("[unclosed"));
    assertThat(p.process(messageEvent("Broken pipe"), new Hint(), scopes))
        .isEqualTo(SentryId.EMPTY);
    assertThat(
            p.process(
                exceptionEvent(new java.io.IOException("Connection reset by peer")),
                new Hint(),
                scopes))
        .isEqualTo(SentryId.EMPTY);
    assertThat(p.process(messageEvent("[unclosed"), new Hint(), scopes)).isEqualTo(SentryId.EMPTY);
    assertThat(p.process(messageEvent("Broken pipe!"), new Hint(), scopes))
        .isNotEqualTo(SentryId.EMPTY);
    assertThat(recorder.count(DiscardReason.IGNORED, DataCategory.ERROR)).isEqualTo(3);
  }

  @Test
  void ignoredErrorsSurviveAThrowingGetMessage() {
    EventPipeline p = pipeline(SentryOptions.builder().addIgnoredError("x"));
    Throwable hostile =
        new RuntimeException() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("no message for you");
          }
        };
    assertThat(p.process(exceptionEvent(hostile), new Hint(), scopes)).isNotEqualTo(SentryId.EMPTY);
  }

  @Test
  void sameThrowableIsSentOnceAndTheSecondCaptureIsNoLoss() {
    EventPipeline p = pipeline(SentryOptions.builder());
    IllegalStateException e = new IllegalStateException("once");
    SentryId first = p.process(exceptionEvent(e), new Hint(), scopes);
    assertThat(first).isNotEqualTo(SentryId.EMPTY);
    assertThat(p.process(exceptionEvent(e), new Hint(), scopes)).isEqualTo(first);
    assertThat(p.process(exceptionEvent(new IllegalStateException("once")), new Hint(), scopes))
        .isNotEqualTo(SentryId.EMPTY)
        .isNotEqualTo(first);
    assertThat(transport.events()).hasSize(2);
    assertThat(recorder.total()).isZero();
  }

  @Test
  void beforeSendCanDropOrChangeAndItsFailureLetsTheEventThrough() {
    EventPipeline dropping = pipeline(SentryOptions.builder().beforeSend((e, h) -> null));
    dropping.process(messageEvent("x"), new Hint(), scopes);
    assertThat(recorder.count(DiscardReason.BEFORE_SEND, DataCategory.ERROR)).isEqualTo(1);

    EventPipeline throwing =
        pipeline(
            SentryOptions.builder()
                .beforeSend(
                    (e, h) -> {
                      throw new IllegalStateException("callback bug");
                    }));
    throwing.process(messageEvent("y"), new Hint(), scopes);
    assertThat(transport.events()).hasSize(1);
  }

  @Test
  void beforeSendSeesTheHint() {
    IllegalStateException original = new IllegalStateException("x");
    List<Throwable> seen = new ArrayList<>();
    EventPipeline p =
        pipeline(
            SentryOptions.builder()
                .beforeSend(
                    (e, h) -> {
                      seen.add(h.throwable());
                      return e;
                    }));
    p.process(exceptionEvent(original), Hint.withThrowable(original), scopes);
    assertThat(seen).containsExactly(original);
  }

  @Test
  void sampleRateZeroDropsEverythingAndCounts() {
    EventPipeline p = pipeline(SentryOptions.builder().sampleRate(0.0));
    for (int i = 0; i < 10; i++) {
      p.process(messageEvent("x"), new Hint(), scopes);
    }
    assertThat(transport.envelopes()).isEmpty();
    assertThat(recorder.count(DiscardReason.SAMPLE_RATE, DataCategory.ERROR)).isEqualTo(10);
  }

  @Test
  void attachmentsRideWithTheEventAndOversizedOnesAreCounted() throws IOException {
    scopes
        .current()
        .addAttachment(Attachment.fromBytes(new byte[] {1, 2, 3}, "dir/small.bin", null));
    scopes.current().addAttachment(Attachment.fromBytes(new byte[64], "big.bin", "text/plain"));
    EventPipeline p = pipeline(SentryOptions.builder().maxAttachmentSize(10));
    p.process(messageEvent("x"), new Hint(), scopes);
    List<EnvelopeItem> items = transport.envelopes().get(0).items();
    assertThat(items).extracting(EnvelopeItem::type).containsExactly("event", "attachment");
    assertThat(items.get(1).headers())
        .containsEntry("filename", "small.bin")
        .containsEntry("content_type", "application/octet-stream")
        .containsEntry("attachment_type", "event.attachment");
    assertThat(items.get(1).payload()).containsExactly(1, 2, 3);
    assertThat(recorder.count(DiscardReason.INVALID, DataCategory.ATTACHMENT)).isEqualTo(1);
  }

  @Test
  void fileAttachmentIsReadLazilyAndAnUnreadableOneFailsOnlyItself(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path file = dir.resolve("log.txt");
    java.nio.file.Files.write(file, "line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    scopes.current().addAttachment(Attachment.fromFile(file.toFile(), "text/plain"));
    scopes.current().addAttachment(Attachment.fromFile(dir.resolve("missing.txt").toFile(), null));
    EventPipeline p = pipeline(SentryOptions.builder());
    p.process(messageEvent("x"), new Hint(), scopes);
    List<EnvelopeItem> items = transport.envelopes().get(0).items();
    assertThat(items).hasSize(3);
    assertThat(new String(items.get(1).payload(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("line\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> items.get(2).payload())
        .isInstanceOf(IOException.class);
  }

  @Test
  void droppedEventsAttachmentsAreCountedToo() {
    scopes.current().addAttachment(Attachment.fromBytes(new byte[] {1}, "a", null));
    EventPipeline p = pipeline(SentryOptions.builder().beforeSend((e, h) -> null));
    p.process(messageEvent("x"), new Hint(), scopes);
    assertThat(recorder.count(DiscardReason.BEFORE_SEND, DataCategory.ATTACHMENT)).isEqualTo(1);
  }

  @Test
  void sampleRandIsSixDecimalsBelowOne() {
    assertThat(EventPipeline.formatRand(0.0)).isEqualTo("0.000000");
    assertThat(EventPipeline.formatRand(0.5)).isEqualTo("0.500000");
    assertThat(EventPipeline.formatRand(0.0000019)).isEqualTo("0.000001");
    assertThat(EventPipeline.formatRand(0.99999999)).isEqualTo("0.999999");
  }

  @SuppressWarnings("unused")
  private static void unused(UncheckedIOException e) {}
}
