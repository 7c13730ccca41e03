package io.sentryj.testing;

import io.sentryj.Breadcrumb;
import io.sentryj.SentryId;
import io.sentryj.SentryLevel;
import io.sentryj.User;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events for tests, built by hand so that every field of the model is set. */
public final class TestEvents {
  /** The id of {@link #rich()}. */
  public static final SentryId EVENT_ID = SentryId.parse("0123456789abcdef0123456789abcdef");

  /** The trace id of {@link #rich()}. */
  public static final SentryId TRACE_ID = SentryId.parse("fedcba9876543210fedcba9876543210");

  /** 2026-11-24T10:15:30.123Z. */
  public static final long TIMESTAMP = 1795515330123L;

  private TestEvents() {}

  /** An event with every field the model has set to a plausible value. */
  public static SentryEvent rich() {
    SentryEvent e = new SentryEvent(EVENT_ID, TIMESTAMP);
    e.setLevel(SentryLevel.WARNING);
    e.setLogger("com.example.Orders");
    e.setTransaction("/orders/{id}");
    e.setServerName("web-1");
    e.setRelease("shop@1.2.3");
    e.setDist("42");
    e.setEnvironment("staging");
    e.setTag("region", "eu");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("count", 3);
    extra.put("ratio", 0.5);
    extra.put("nested", Map.of("list", List.of(1, "two", true)));
    e.setExtra(extra);
    e.setFingerprint(Arrays.asList("{{ default }}", "orders"));
    e.setUser(
        User.builder()
            .id("u1")
            .username("ann")
            .email("ann@example.com")
            .ipAddress("{{auto}}")
            .data("plan", "gold")
            .build());
    e.setRequest(request());
    SpanContext trace = new SpanContext(TRACE_ID, "0123456789abcdef");
    trace.setParentSpanId("fedcba9876543210");
    trace.setOp("http.server");
    trace.setStatus("internal_error");
    trace.setOrigin("auto.http.servlet");
    e.getContexts().setTrace(trace);
    e.getContexts().put("runtime", Map.of("name", "OpenJDK", "version", "17.0.9"));
    e.getContexts().put("os", Map.of("name", "Linux", "version", "6.1"));
    e.setBreadcrumbs(
        Arrays.asList(
            Breadcrumb.builder()
                .timestampMillis(TIMESTAMP - 1000)
                .type("http")
                .category("http.client")
                .message("GET /api")
                .level(SentryLevel.INFO)
                .data("status_code", 200)
                .build(),
            Breadcrumb.error("it broke")));
    e.setExceptions(chain());
    SentryThread thread = new SentryThread(1);
    thread.setName("main");
    thread.setCrashed(true);
    thread.setCurrent(true);
    thread.setMain(true);
    thread.setState("RUNNABLE");
    thread.setStacktrace(new SentryStackTrace(frames(3)));
    e.setThreads(List.of(thread));
    Message m = new Message();
    m.setFormatted("order 7 failed");
    m.setMessage("order {} failed");
    m.setParams(List.of("7"));
    e.setMessage(m);
    SdkVersion sdk = new SdkVersion("sentryj.java", "0.1.0");
    sdk.setIntegrations(List.of("logback"));
    sdk.setPackages(List.of(new SdkVersion.Package("maven:io.sentryj:sentry-core", "0.1.0")));
    e.setSdk(sdk);
    e.setModules(Map.of("com.google.code.gson:gson", "2.13.2"));
    return e;
  }

  private static Request request() {
    Request r = new Request();
    r.setMethod("POST");
    r.setUrl("https://example.com/orders/7");
    r.setQueryString("a=1&b=2");
    r.setData(Map.of("item", "book"));
    r.setCookies("session=abc; theme=dark");
    r.addHeader("Content-Type", "application/json");
    r.addHeader("Accept", "*/*");
    r.setEnv(Map.of("REMOTE_ADDR", "127.0.0.1"));
    return r;
  }

  /** {@code RuntimeException("wrapper")} caused by {@code IllegalStateException("root cause")}. */
  public static List<SentryException> chain() {
    SentryException root = exception("IllegalStateException", "root cause", frames(2));
    Mechanism rootMechanism = new Mechanism("chained");
    rootMechanism.setExceptionId(1);
    rootMechanism.setParentId(0);
    rootMechanism.setSource("cause");
    root.setMechanism(rootMechanism);
    SentryException main = exception("RuntimeException", "wrapper", frames(4));
    Mechanism mainMechanism = new Mechanism("generic");
    mainMechanism.setHandled(false);
    mainMechanism.setSynthetic(false);
    mainMechanism.setDescription("captured by a test");
    mainMechanism.setExceptionId(0);
    mainMechanism.setExceptionGroup(false);
    mainMechanism.setData(Map.of("k", "v"));
    main.setMechanism(mainMechanism);
    return new ArrayList<>(List.of(root, main));
  }

  /** An exception of the given type and message, thread 1, in package {@code java.lang}. */
  public static SentryException exception(
      String type, String value, List<SentryStackFrame> frames) {
    SentryException x = new SentryException();
    x.setType(type);
    x.setValue(value);
    x.setModule("java.lang");
    x.setThreadId(1L);
    x.setStacktrace(new SentryStackTrace(frames));
    return x;
  }

  /** {@code n} frames, oldest first, functions named {@code f0} to {@code f<n-1>}. */
  public static List<SentryStackFrame> frames(int n) {
    List<SentryStackFrame> frames = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SentryStackFrame f = new SentryStackFrame();
      f.setModule("com.example.Service");
      f.setFunction("f" + i);
      f.setFilename("Service.java");
      f.setLineno(10 + i);
      f.setInApp(i % 2 == 0);
      frames.add(f);
    }
    return frames;
  }
}
