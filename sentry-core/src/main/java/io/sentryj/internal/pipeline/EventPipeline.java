package io.sentryj.internal.pipeline;

import io.sentryj.Attachment;
import io.sentryj.DataCategory;
import io.sentryj.DiscardReason;
import io.sentryj.Envelope;
import io.sentryj.EnvelopeItem;
import io.sentryj.Hint;
import io.sentryj.SentryId;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.EventSizes;
import io.sentryj.internal.scope.PropagationContext;
import io.sentryj.internal.scope.Scopes;
import io.sentryj.internal.scrub.EventScrubber;
import io.sentryj.protocol.SentryEvent;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The path of one event, in this order, on the capturing thread: apply scopes and options, event
 * processors, ignore rules, deduplication, {@code beforeSend}, sampling, the snapshot (the event
 * becomes the SDK's own copy, its values frozen) and the privacy rules; then an envelope whose
 * event payload is serialized (and cut to the size limit) later on the transport's thread. Every
 * drop is counted by reason; a failure seen again is held back without being counted.
 */
public final class EventPipeline {
  /** The largest event payload sent (protocol section 2). */
  public static final int MAX_EVENT_BYTES = 1024 * 1024;

  private final List<Stage> stages;
  private final SentryOptions options;
  private final EventParts parts;
  private final Transport transport;
  private final DiscardRecorder recorder;
  private final Map<String, Object> sdkHeader;
  private final @Nullable String publicKey;

  /**
   * A pipeline.
   *
   * @param publicKey the DSN's public key, for the envelope's {@code trace} header
   */
  public EventPipeline(
      SentryOptions options,
      EventDefaults defaults,
      EventParts parts,
      Transport transport,
      DiscardRecorder recorder,
      @Nullable String publicKey) {
    this.options = options;
    this.parts = parts;
    this.transport = transport;
    this.recorder = recorder;
    this.publicKey = publicKey;
    this.stages = assemble(options, defaults);
    Map<String, Object> sdk = new LinkedHashMap<>();
    sdk.put("name", defaults.sdk().getName());
    sdk.put("version", defaults.sdk().getVersion());
    this.sdkHeader = Collections.unmodifiableMap(sdk);
  }

  private static List<Stage> assemble(SentryOptions options, EventDefaults defaults) {
    List<Stage> list = new ArrayList<>();
    list.add(new ApplyScopesStage(options, defaults));
    list.add(new EventProcessorsStage());
    IgnoreRulesStage ignore =
        new IgnoreRulesStage(options.ignoredExceptionsForType(), options.ignoredErrors());
    if (ignore.hasRules()) {
      list.add(ignore);
    }
    if (options.enableDeduplication()) {
      list.add(new DeduplicationStage());
    }
    if (options.beforeSend() != null) {
      list.add(new BeforeSendStage(options.beforeSend()));
    }
    if (options.sampleRate() < 1.0) {
      list.add(new SamplingStage(options.sampleRate()));
    }
    list.add(new SnapshotStage());
    list.add(new ScrubStage(EventScrubber.forOptions(options)));
    return Collections.unmodifiableList(list);
  }

  /** The stages in the order they run, for tests and debug lines. */
  List<Stage> stages() {
    return stages;
  }

  /**
   * Runs the event through the pipeline and hands its envelope to the transport.
   *
   * @return the event's id, or {@link SentryId#EMPTY} if it was dropped
   */
  public SentryId process(SentryEvent event, Hint hint, Scopes scopes) {
    Capture capture = new Capture(hint, scopes);
    SentryEvent current = event;
    for (Stage stage : stages) {
      SentryEvent next = stage.apply(current, capture);
      if (next == null) {
        DiscardReason reason = stage.discardReason();
        if (reason != null) {
          recordDrop(reason, capture);
        }
        SentryId original = capture.duplicateOf;
        return original != null ? original : SentryId.EMPTY;
      }
      current = next;
    }
    transport.send(envelope(current, capture));
    return current.getEventId();
  }

  private void recordDrop(DiscardReason reason, Capture capture) {
    recorder.record(reason, DataCategory.ERROR, 1);
    if (!capture.attachments.isEmpty()) {
      recorder.record(reason, DataCategory.ATTACHMENT, capture.attachments.size());
    }
  }

  private Envelope envelope(SentryEvent event, Capture capture) {
    List<EnvelopeItem> items = new ArrayList<>(1 + capture.attachments.size());
    // what the event holds counts against the transport's byte bound until it is serialized
    items.add(
        EnvelopeItem.ofEvent(
            event,
            () -> parts.serialize(event, MAX_EVENT_BYTES),
            () -> EventSizes.approximateBytes(event)));
    for (Attachment attachment : capture.attachments) {
      EnvelopeItem item = attachmentItem(attachment);
      if (item != null) {
        items.add(item);
      }
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("sdk", sdkHeader);
    headers.put("trace", traceHeader(event, capture.scopes.propagationContext()));
    return new Envelope(event.getEventId(), headers, items);
  }

  private @Nullable EnvelopeItem attachmentItem(Attachment attachment) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("filename", attachment.filename());
    headers.put("content_type", attachment.contentType());
    headers.put("attachment_type", attachment.attachmentType());
    byte[] bytes = attachment.bytes();
    long max = options.maxAttachmentSize();
    if (bytes != null) {
      if (bytes.length > max) {
        Diagnostics.warn(
            "attachment %s is %d bytes, over max-attachment-size %d; not sent",
            attachment.filename(), bytes.length, max);
        recorder.record(DiscardReason.INVALID, DataCategory.ATTACHMENT, 1);
        return null;
      }
      return EnvelopeItem.of("attachment", headers, bytes);
    }
    File file = attachment.file();
    if (file == null) {
      return null;
    }
    return EnvelopeItem.lazy("attachment", headers, () -> readFile(file, max));
  }

  private static byte[] readFile(File file, long max) throws IOException {
    long length = file.length();
    if (length > max) {
      throw new IOException(
          "attachment " + file.getName() + " is " + length + " bytes, over " + max);
    }
    byte[] data = new byte[(int) length];
    try (InputStream in = new FileInputStream(file)) {
      int read = 0;
      while (read < data.length) {
        int n = in.read(data, read, data.length - read);
        if (n < 0) {
          throw new IOException("attachment " + file.getName() + " shrank while read");
        }
        read += n;
      }
    }
    return data;
  }

  /** The dynamic sampling context (protocol section 7): values are strings. */
  private Map<String, Object> traceHeader(SentryEvent event, PropagationContext context) {
    Map<String, String> frozen = context.frozenDsc();
    if (frozen != null) {
      // a continued trace whose caller sent its context: frozen, sent as received (section 7)
      return new LinkedHashMap<String, Object>(frozen);
    }
    Map<String, Object> trace = new LinkedHashMap<>();
    io.sentryj.protocol.SpanContext span = event.getContexts().getTrace();
    trace.put("trace_id", (span != null ? span.getTraceId() : context.traceId()).toString());
    if (publicKey != null) {
      trace.put("public_key", publicKey);
    }
    if (event.getEnvironment() != null) {
      trace.put("environment", event.getEnvironment());
    }
    if (event.getRelease() != null) {
      trace.put("release", event.getRelease());
    }
    trace.put("sample_rand", formatRand(context.sampleRand()));
    Boolean sampled = context.sampled();
    if (sampled != null) {
      trace.put("sampled", sampled.toString());
    }
    return trace;
  }

  /** Six decimals, truncated so that the value stays below 1 (protocol section 7). */
  static String formatRand(double rand) {
    long micros = (long) (rand * 1_000_000d);
    if (micros >= 1_000_000L) {
      micros = 999_999L;
    }
    if (micros < 0) {
      micros = 0;
    }
    StringBuilder sb = new StringBuilder(8).append("0.");
    String digits = Long.toString(micros);
    for (int i = digits.length(); i < 6; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  @Override
  public String toString() {
    return "EventPipeline" + stages;
  }
}
