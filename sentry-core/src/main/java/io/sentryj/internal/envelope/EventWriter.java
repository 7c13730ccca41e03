package io.sentryj.internal.envelope;

import static io.sentryj.internal.envelope.ValueWriter.truncate;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryLevel;
import io.sentryj.User;
import io.sentryj.protocol.Contexts;
import io.sentryj.protocol.Mechanism;
import io.sentryj.protocol.Message;
import io.sentryj.protocol.Request;
import io.sentryj.protocol.SdkVersion;
import io.sentryj.protocol.SentryEvent;
import io.sentryj.protocol.SentryException;
import io.sentryj.protocol.SentryStackFrame;
import io.sentryj.protocol.SentryStackTrace;
import io.sentryj.protocol.SentryThread;
import io.sentryj.protocol.SpanContext;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes one {@link SentryEvent} as the protocol's event payload (protocol section 3) within some
 * {@link Limits}. Field by field, by hand: no reflection. Nulls and empty collections are left out.
 * One instance per serialization.
 */
final class EventWriter {
  /** Tag keys and values must be shorter than 200 characters (protocol section 3). */
  static final int MAX_TAG_CHARS = 199;

  /** {@code logentry.formatted} is at most 8192 characters (protocol section 3). */
  static final int MAX_FORMATTED_CHARS = 8192;

  private final JsonOut w;
  private final Limits limits;
  private final ValueWriter values;

  EventWriter(JsonOut w, Limits limits) {
    this.w = w;
    this.limits = limits;
    this.values = new ValueWriter(w, limits.bagDepth, limits.bagItems, limits.bagString);
  }

  void write(SentryEvent e) throws IOException {
    w.beginObject();
    w.name("event_id").value(e.getEventId().toString());
    w.name("timestamp").value(Rfc3339.format(e.getTimestampMillis()));
    w.name("platform").value("java");
    SentryLevel level = e.getLevel();
    if (level != null) {
      w.name("level").value(level.protocolName());
    }
    if (!limits.minimal) {
      writeHeadline(e);
    }
    if (!limits.skeleton) {
      writeDetails(e);
    }
    if (!limits.minimal) {
      writeContexts(e.getContexts());
    }
    if (limits.maxBreadcrumbs > 0) {
      writeBreadcrumbs(e.getBreadcrumbs());
    }
    writeExceptions(e.getExceptions());
    if (!limits.skeleton) {
      writeTail(e);
    }
    w.endObject();
  }

  private void writeHeadline(SentryEvent e) throws IOException {
    text("logger", e.getLogger());
    text("transaction", e.getTransaction());
    text("server_name", e.getServerName());
    text("release", e.getRelease());
    text("dist", e.getDist());
    text("environment", e.getEnvironment());
  }

  private void writeDetails(SentryEvent e) throws IOException {
    writeTags(e.getTags());
    if (limits.extra && !e.getExtra().isEmpty()) {
      w.name("extra");
      values.writeMap(e.getExtra());
    }
    writeStrings("fingerprint", e.getFingerprint());
    writeUser(e.getUser());
    Request request = e.getRequest();
    if (request != null && limits.secondary) {
      writeRequest(request);
    }
  }

  private void writeTail(SentryEvent e) throws IOException {
    if (limits.secondary) {
      writeThreads(e.getThreads());
    }
    writeLogEntry(e.getMessage());
    writeSdk(e.getSdk());
    if (limits.secondary) {
      writeStringMap("modules", e.getModules(), limits.maxString);
    }
  }

  private void text(String name, @Nullable String value) throws IOException {
    if (value != null) {
      w.name(name).value(truncate(value, limits.maxString));
    }
  }

  /** A frame's name: the same String instances come with every event from the same code. */
  private void frameText(String name, @Nullable String value) throws IOException {
    if (value != null) {
      w.name(name).valueCached(truncate(value, limits.maxString));
    }
  }

  private void writeTags(Map<String, String> tags) throws IOException {
    writeStringMap("tags", tags, MAX_TAG_CHARS);
  }

  private void writeStringMap(String name, Map<String, String> map, int maxChars)
      throws IOException {
    if (map.isEmpty()) {
      return;
    }
    w.name(name).beginObject();
    int n = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      if (n++ >= limits.bagItems) {
        break;
      }
      String value = entry.getValue();
      if (value != null) {
        w.name(truncate(String.valueOf(entry.getKey()), maxChars));
        w.value(truncate(value, maxChars));
      }
    }
    w.endObject();
  }

  private void writeStrings(String name, @Nullable Collection<String> strings) throws IOException {
    if (strings == null || strings.isEmpty()) {
      return;
    }
    w.name(name).beginArray();
    int n = 0;
    for (String s : strings) {
      if (n++ >= limits.bagItems) {
        break;
      }
      w.value(s == null ? "null" : truncate(s, limits.maxString));
    }
    w.endArray();
  }

  private void writeUser(@Nullable User user) throws IOException {
    if (user == null) {
      return;
    }
    w.name("user").beginObject();
    text("id", user.id());
    text("username", user.username());
    text("email", user.email());
    text("ip_address", user.ipAddress());
    // The schema has no top-level custom user keys: Relay keeps them under "data".
    if (limits.secondary && !user.data().isEmpty()) {
      w.name("data");
      values.writeMap(user.data());
    }
    w.endObject();
  }

  /**
   * The {@code request}, in the one shape every parser takes: Relay's schema and sentry-cli's
   * (sentry-rust's protocol types, which want the URL absolute, the body a string and the headers
   * an object of strings). Headers are merged by name (values joined with {@code ", "}, HTTP's
   * rule); cookies go as the {@code Cookie} header, from which Relay fills {@code cookies}; a
   * structured body is written as its JSON text, which Relay parses back; a URL that is not
   * absolute is written as {@code env.REQUEST_URI}.
   */
  private void writeRequest(Request r) throws IOException {
    w.name("request").beginObject();
    text("method", r.getMethod());
    String url = r.getUrl();
    boolean absolute = url != null && RequestShape.isAbsoluteUrl(url);
    if (absolute) {
      text("url", url);
    }
    text("query_string", r.getQueryString());
    Object data = r.getData();
    if (data instanceof String) {
      text("data", (String) data);
    } else if (data != null) {
      text("data", json(data));
    }
    Map<String, String> headers = RequestShape.headers(r.getHeaders(), r.getCookies());
    if (!headers.isEmpty()) {
      writeStringMap("headers", headers, limits.maxString);
    }
    Map<String, String> env = r.getEnv();
    if (!absolute && url != null && !env.containsKey(RequestShape.REQUEST_URI)) {
      env = RequestShape.withRequestUri(env, url);
    }
    writeStringMap("env", env, limits.maxString);
    w.endObject();
  }

  /** A free-form value as JSON text, within this writer's limits. */
  private String json(Object value) throws IOException {
    Utf8Buffer buffer = new Utf8Buffer(256);
    buffer.reset(Integer.MAX_VALUE);
    JsonOut out = new JsonOut(buffer);
    new ValueWriter(out, limits.bagDepth, limits.bagItems, limits.bagString).write(value);
    out.close();
    return new String(buffer.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private void writeContexts(Contexts contexts) throws IOException {
    SpanContext trace = contexts.getTrace();
    Map<String, Map<String, Object>> named =
        limits.secondary ? contexts.named() : Collections.<String, Map<String, Object>>emptyMap();
    if (trace == null && named.isEmpty()) {
      return;
    }
    w.name("contexts").beginObject();
    if (trace != null) {
      writeTrace(trace);
    }
    for (Map.Entry<String, Map<String, Object>> c : named.entrySet()) {
      if (c.getValue() == null || (trace != null && c.getKey().equals("trace"))) {
        continue; // one "trace" key only: duplicate keys are an error to Relay
      }
      w.name(truncate(c.getKey(), limits.maxString));
      values.writeMap(c.getValue());
    }
    w.endObject();
  }

  private void writeTrace(SpanContext t) throws IOException {
    w.name("trace").beginObject();
    w.name("trace_id").value(t.getTraceId().toString());
    w.name("span_id").value(truncate(t.getSpanId(), limits.maxString));
    text("parent_span_id", t.getParentSpanId());
    if (!limits.skeleton) {
      text("op", t.getOp());
      text("status", t.getStatus());
      text("origin", t.getOrigin());
    }
    w.name("type").value("trace");
    w.endObject();
  }

  private void writeBreadcrumbs(List<Breadcrumb> breadcrumbs) throws IOException {
    if (breadcrumbs.isEmpty()) {
      return;
    }
    // Oldest first on the wire (protocol section 3); when cutting, the newest are kept.
    int from = Math.max(0, breadcrumbs.size() - limits.maxBreadcrumbs);
    w.name("breadcrumbs").beginObject().name("values").beginArray();
    for (Breadcrumb b : breadcrumbs.subList(from, breadcrumbs.size())) {
      if (b == null) {
        continue;
      }
      w.beginObject();
      w.name("timestamp").value(Rfc3339.format(b.timestampMillis()));
      text("type", b.type());
      text("category", b.category());
      text("message", b.message());
      SentryLevel level = b.level();
      if (level != null) {
        w.name("level").value(level.protocolName());
      }
      if (!b.data().isEmpty()) {
        w.name("data");
        values.writeMap(b.data());
      }
      w.endObject();
    }
    w.endArray().endObject();
  }

  private void writeExceptions(@Nullable List<SentryException> exceptions) throws IOException {
    if (exceptions == null || exceptions.isEmpty()) {
      return;
    }
    // Root cause first, the thrown exception last (protocol rule 1): when cutting, keep the end.
    int from = Math.max(0, exceptions.size() - limits.maxExceptions);
    w.name("exception").beginObject().name("values").beginArray();
    for (SentryException x : exceptions.subList(from, exceptions.size())) {
      if (x != null) {
        writeException(x);
      }
    }
    w.endArray().endObject();
  }

  private void writeException(SentryException x) throws IOException {
    w.beginObject();
    String type = x.getType();
    // sentry-rust's parser requires a type; Relay's schema requires a type or a value
    text("type", type != null ? type : "Exception");
    if (!limits.minimal) {
      text("value", x.getValue());
      text("module", x.getModule());
    }
    Long threadId = x.getThreadId();
    if (threadId != null && threadId >= 0 && !limits.skeleton) {
      w.name("thread_id").value(threadId.longValue());
    }
    writeStacktrace(x.getStacktrace());
    Mechanism m = x.getMechanism();
    if (m != null) {
      writeMechanism(m);
    }
    w.endObject();
  }

  private void writeMechanism(Mechanism m) throws IOException {
    w.name("mechanism").beginObject();
    w.name("type").value(truncate(m.getType(), limits.maxString));
    w.name("handled").value(m.getHandled());
    if (!limits.skeleton) {
      w.name("synthetic").value(m.getSynthetic());
      text("description", m.getDescription());
      writeId("exception_id", m.getExceptionId());
      writeId("parent_id", m.getParentId());
      text("source", m.getSource());
      w.name("is_exception_group").value(m.getExceptionGroup());
      Map<String, Object> data = m.getData();
      if (data != null && !data.isEmpty()) {
        w.name("data");
        values.writeMap(data);
      }
    }
    w.endObject();
  }

  private void writeId(String name, @Nullable Integer id) throws IOException {
    if (id != null && id >= 0) {
      w.name(name).value(id.longValue());
    }
  }

  /**
   * Writes a stack trace, cutting the middle out of one longer than the limit: the oldest frames
   * show how the work started, the newest where it failed. {@code frames_omitted} is not written:
   * Relay's schema has no such field, so an event carrying it is not in canonical form.
   */
  private void writeStacktrace(@Nullable SentryStackTrace st) throws IOException {
    if (st == null || st.getFrames().isEmpty() || limits.maxFrames == 0) {
      return;
    }
    List<SentryStackFrame> frames = st.getFrames();
    int size = frames.size();
    int head = size <= limits.maxFrames ? size : limits.maxFrames / 2;
    int tailFrom = size <= limits.maxFrames ? size : size - (limits.maxFrames - head);
    w.name("stacktrace").beginObject().name("frames").beginArray();
    for (int i = 0; i < head; i++) {
      writeFrame(frames.get(i));
    }
    for (int i = tailFrom; i < size; i++) {
      writeFrame(frames.get(i));
    }
    w.endArray().endObject();
  }

  private void writeFrame(@Nullable SentryStackFrame f) throws IOException {
    w.beginObject();
    if (f == null) {
      w.endObject();
      return;
    }
    frameText("filename", f.getFilename());
    frameText("function", f.getFunction());
    frameText("module", f.getModule());
    Integer line = f.getLineno();
    if (line != null && line > 0) {
      w.name("lineno").value(line.longValue());
    }
    w.name("in_app").value(f.getInApp());
    w.endObject();
  }

  private void writeThreads(List<SentryThread> threads) throws IOException {
    if (threads.isEmpty()) {
      return;
    }
    w.name("threads").beginObject().name("values").beginArray();
    int n = 0;
    for (SentryThread t : threads) {
      if (n++ >= limits.bagItems) {
        break;
      }
      if (t != null) {
        writeThread(t);
      }
    }
    w.endArray().endObject();
  }

  private void writeThread(SentryThread t) throws IOException {
    w.beginObject();
    if (t.getId() >= 0) {
      w.name("id").value(t.getId());
    } else {
      w.name("id").value(Long.toString(t.getId())); // ids are unsigned or strings in the schema
    }
    text("name", t.getName());
    w.name("crashed").value(t.getCrashed());
    w.name("current").value(t.getCurrent());
    w.name("main").value(t.getMain());
    text("state", t.getState());
    writeStacktrace(t.getStacktrace());
    w.endObject();
  }

  /**
   * The {@code logentry}: {@code message} always (the template, or the text when there is none), as
   * sentry-rust's parser requires it; {@code formatted} and {@code params} when known.
   */
  private void writeLogEntry(@Nullable Message m) throws IOException {
    if (m == null || (m.getFormatted() == null && m.getMessage() == null)) {
      return;
    }
    w.name("logentry").beginObject();
    int max = Math.min(MAX_FORMATTED_CHARS, limits.maxString);
    String formatted = m.getFormatted();
    String template = m.getMessage();
    String message = template != null ? template : formatted;
    if (message != null) {
      w.name("message").value(truncate(message, max));
    }
    if (formatted != null) {
      w.name("formatted").value(truncate(formatted, max));
    }
    writeStrings("params", m.getParams());
    w.endObject();
  }

  private void writeSdk(@Nullable SdkVersion sdk) throws IOException {
    if (sdk == null) {
      return;
    }
    w.name("sdk");
    writeSdk(w, sdk, limits.secondary);
  }

  /** Writes the {@code sdk} object; shared with the envelope header (protocol section 2). */
  static void writeSdk(JsonOut w, SdkVersion sdk, boolean withLists) throws IOException {
    w.beginObject();
    w.name("name").value(sdk.getName());
    w.name("version").value(sdk.getVersion());
    if (withLists && !sdk.getIntegrations().isEmpty()) {
      w.name("integrations").beginArray();
      for (String integration : sdk.getIntegrations()) {
        w.value(integration);
      }
      w.endArray();
    }
    if (withLists && !sdk.getPackages().isEmpty()) {
      w.name("packages").beginArray();
      for (SdkVersion.Package p : sdk.getPackages()) {
        w.beginObject().name("name").value(p.getName()).name("version").value(p.getVersion());
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }

  @Override
  public String toString() {
    return "EventWriter{" + limits + '}';
  }
}
