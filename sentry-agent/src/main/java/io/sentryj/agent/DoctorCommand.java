package io.sentryj.agent;

import io.sentryj.Envelope;
import io.sentryj.Sentry;
import io.sentryj.SentryId;
import io.sentryj.SentryOptions;
import io.sentryj.Transport;
import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.Dsn;
import io.sentryj.internal.envelope.EnvelopeFormatException;
import io.sentryj.internal.envelope.EnvelopeWriter;
import io.sentryj.internal.event.ApplicationPackage;
import io.sentryj.internal.transport.DirectSender;
import io.sentryj.internal.transport.Transports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prints the configuration the agent would run with, as it resolves it from the same sources
 * (arguments given here standing for the agent arguments): every option on a line of its own with
 * where its value came from (the DSN's secret key masked, the proxy password never shown), the
 * outbox directory, the application package taken as in-app, the agent's own settings and its
 * instrumentations. Then it captures a test event and sends it to the DSN, printing what the server
 * answered (status, {@code X-Sentry-Error}, rate limits); with {@code agent.envelope-dir} set it
 * writes the event there instead.
 */
final class DoctorCommand {
  /** How each option's value is shown; {@link #run} shows a key missing here as set or not. */
  static final Map<String, Function<SentryOptions, Object>> VALUES = values();

  static final String TEST_MESSAGE = "sentryj agent doctor: test event";

  private static final List<String> AGENT_SETTINGS =
      Arrays.asList(
          AgentSettings.START,
          AgentSettings.ENVELOPE_DIR,
          "agent.logging.minimum-event-level",
          "agent.logging.minimum-breadcrumb-level",
          "agent.logging.minimum-log-level");

  private DoctorCommand() {}

  private static Map<String, Function<SentryOptions, Object>> values() {
    Map<String, Function<SentryOptions, Object>> m = new HashMap<>();
    m.put("environment", SentryOptions::environment);
    m.put("release", SentryOptions::release);
    m.put("dist", SentryOptions::dist);
    m.put("server-name", SentryOptions::serverName);
    m.put("sample-rate", SentryOptions::sampleRate);
    m.put("debug", SentryOptions::debug);
    m.put("send-default-pii", SentryOptions::sendDefaultPii);
    m.put("scrub-fields", SentryOptions::scrubFields);
    m.put("safe-fields", SentryOptions::safeFields);
    m.put("in-app-includes", SentryOptions::inAppIncludes);
    m.put("in-app-excludes", SentryOptions::inAppExcludes);
    m.put("max-breadcrumbs", SentryOptions::maxBreadcrumbs);
    m.put("ignored-exceptions-for-type", SentryOptions::ignoredExceptionsForType);
    m.put("ignored-errors", SentryOptions::ignoredErrors);
    m.put("trace-propagation-targets", SentryOptions::tracePropagationTargets);
    m.put("shutdown-timeout-millis", SentryOptions::shutdownTimeoutMillis);
    m.put("flush-timeout-millis", SentryOptions::flushTimeoutMillis);
    m.put("proxy.host", o -> o.proxy() == null ? null : o.proxy().host());
    m.put("proxy.port", o -> o.proxy() == null ? null : o.proxy().port());
    m.put("proxy.user", o -> o.proxy() == null ? null : o.proxy().user());
    m.put("proxy.pass", o -> o.proxy() == null || o.proxy().password() == null ? null : "***");
    m.put("attach-stacktrace", SentryOptions::attachStacktrace);
    m.put("attach-threads", SentryOptions::attachThreads);
    m.put("attach-server-name", SentryOptions::attachServerName);
    m.put("max-attachment-size", SentryOptions::maxAttachmentSize);
    m.put("enable-uncaught-exception-handler", SentryOptions::enableUncaughtExceptionHandler);
    m.put("enable-shutdown-hook", SentryOptions::enableShutdownHook);
    m.put("send-client-reports", SentryOptions::sendClientReports);
    m.put("enable-deduplication", SentryOptions::enableDeduplication);
    m.put("logs.enabled", SentryOptions::logsEnabled);
    m.put("max-request-body-size", o -> o.maxRequestBodySize().name().toLowerCase(Locale.ROOT));
    m.put("capture-server-errors", SentryOptions::captureServerErrors);
    m.put("enable-auto-session-tracking", SentryOptions::enableAutoSessionTracking);
    m.put("max-queue-size", SentryOptions::maxQueueSize);
    m.put("max-queue-bytes", SentryOptions::maxQueueBytes);
    m.put("connection-timeout-millis", SentryOptions::connectionTimeoutMillis);
    m.put("read-timeout-millis", SentryOptions::readTimeoutMillis);
    m.put("write-timeout-millis", SentryOptions::writeTimeoutMillis);
    m.put("enable-outbox", SentryOptions::enableOutbox);
    m.put("outbox-dir", SentryOptions::outboxDir);
    m.put("cache-dir-path", SentryOptions::outboxDir);
    m.put("outbox-max-items", SentryOptions::outboxMaxItems);
    m.put("outbox-max-bytes", SentryOptions::outboxMaxBytes);
    m.put("outbox-only", SentryOptions::outboxOnly);
    m.put("spotlight", SentryOptions::spotlight);
    m.put("spotlight-url", SentryOptions::spotlightUrl);
    return m;
  }

  /**
   * Prints the configuration, then sends the test event.
   *
   * @param application a jar or main class to tell the application package from, or null
   */
  static int run(String agentArgs, @Nullable String application, PrintStream out)
      throws InterruptedException {
    Map<String, String> args = AgentArgs.parse(agentArgs);
    AgentSettings settings = AgentSettings.ofProcess(args);
    SentryOptions options;
    try {
      options = SentryRuntime.resolveOptions(AgentInstaller.optionsBuilder(args, settings));
    } catch (IllegalArgumentException e) {
      out.println("configuration is invalid: " + e.getMessage());
      return 1;
    }
    printOptions(options, out);
    printOutbox(options, settings, out);
    printInApp(options, application, out);
    for (String key : AGENT_SETTINGS) {
      String value = settings.get(key);
      out.println(
          key + ": " + (value != null ? value : "(none)") + "  <- " + settings.originOf(key));
    }
    for (AgentInstrumentation each : AgentInstaller.instrumentations()) {
      String key = "agent.instrumentation." + each.name() + ".enabled";
      out.println(
          "instrumentation "
              + each.name()
              + ": "
              + (settings.isEnabled(each.name()) ? "on" : "off")
              + "  <- "
              + settings.originOf(key));
    }
    return testEvent(options, settings, out);
  }

  /** Every option, one per line: {@code key: value <- origin}. */
  private static void printOptions(SentryOptions options, PrintStream out) {
    String dsn = options.dsn();
    out.println(
        "dsn: "
            + (dsn != null && options.hasDsn() ? Dsn.parse(dsn).toString() : "(none)")
            + "  <- "
            + options.originOf("dsn"));
    for (String key : new TreeSet<>(BuilderAccess.get().keys())) {
      if (!key.equals("dsn")) {
        out.println(key + ": " + shown(options, key) + "  <- " + options.originOf(key));
      }
    }
    for (Map.Entry<String, String> tag : options.tags().entrySet()) {
      String key = "tags." + tag.getKey();
      out.println(key + ": " + tag.getValue() + "  <- " + options.originOf(key));
    }
  }

  private static String shown(SentryOptions options, String key) {
    Function<SentryOptions, Object> value = VALUES.get(key);
    if (value == null) {
      return options.originOf(key).equals("default") ? "(default)" : "(set)";
    }
    Object shown = value.apply(options);
    if (shown instanceof List) {
      List<?> list = (List<?>) shown;
      return list.isEmpty() ? "(none)" : String.join(",", strings(list));
    }
    return shown == null ? "(none)" : String.valueOf(shown);
  }

  private static List<String> strings(List<?> values) {
    List<String> strings = new ArrayList<>(values.size());
    for (Object value : values) {
      strings.add(String.valueOf(value));
    }
    return strings;
  }

  /** Where envelopes wait for Sentry, which the README sends users to look in. */
  private static void printOutbox(SentryOptions options, AgentSettings settings, PrintStream out) {
    String envelopeDir = settings.envelopeDir();
    if (envelopeDir != null) {
      out.println(
          "outbox: none; envelopes are written to "
              + envelopeDir
              + " (agent.envelope-dir) and not sent");
      return;
    }
    Path outbox = Transports.outboxDir(options);
    out.println(
        outbox != null
            ? "outbox: "
                + outbox.toAbsolutePath()
                + " (envelopes wait there until Sentry accepts them: sentry-agent.jar inspect "
                + outbox.toAbsolutePath()
                + ")"
            : "outbox: none (enable-outbox=false): envelopes wait in memory only");
  }

  /** The application package the agent counts as in-app, as it would detect it. */
  private static void printInApp(
      SentryOptions options, @Nullable String application, PrintStream out) {
    if (!options.inAppIncludes().isEmpty()) {
      out.println("in-app: the packages of in-app-includes; no application package is detected");
      return;
    }
    if (application == null) {
      out.println(
          "in-app: application package: detected from the application's main class at start;"
              + " run doctor --app <jar or main class> to see it");
      return;
    }
    ApplicationPackage detected =
        ApplicationPackage.fromCommand(application, ClassLoader.getSystemClassLoader());
    out.println(
        "in-app: application package: "
            + (detected != null
                ? detected
                : "none from " + application + " (set in-app-includes to name it)"));
  }

  private static int testEvent(SentryOptions options, AgentSettings settings, PrintStream out)
      throws InterruptedException {
    String dir = settings.envelopeDir();
    if (dir == null) {
      if (!options.hasDsn()) {
        out.println("test event: not sent, no DSN: the agent would do nothing");
        return 1;
      }
      return sendTestEvent(options, out);
    }
    Sentry.init(options.toBuilder().enableUncaughtExceptionHandler(false).build());
    try {
      out.println("test event: " + Sentry.captureMessage(TEST_MESSAGE) + " written to " + dir);
    } finally {
      Sentry.close();
    }
    return 0;
  }

  /**
   * Captures a test event through the SDK's pipeline, as the agent would, then posts it to the DSN
   * and prints what the server answered, with a hint for the usual refusals.
   */
  private static int sendTestEvent(SentryOptions options, PrintStream out)
      throws InterruptedException {
    List<Envelope> envelopes = Collections.synchronizedList(new ArrayList<>());
    Sentry.init(
        options.toBuilder()
            .enableUncaughtExceptionHandler(false)
            .transportFactory(o -> new Collecting(envelopes))
            .build());
    SentryId id;
    try {
      id = Sentry.captureMessage(TEST_MESSAGE);
    } finally {
      Sentry.close();
    }
    Envelope event = null;
    synchronized (envelopes) {
      for (Envelope each : envelopes) {
        if (id.equals(each.eventId())) {
          event = each;
        }
      }
    }
    if (event == null) {
      out.println(
          "test event: not captured (sample-rate, ignored errors or a callback dropped it)");
      return 1;
    }
    try (DirectSender sender = new DirectSender(options)) {
      DirectSender.Answer answer = sender.send(new EnvelopeWriter().toByteArray(event, null));
      out.println(
          "test event "
              + id
              + ": "
              + (answer.accepted() ? "accepted" : "refused")
              + " ("
              + answer
              + ")"
              + hint(answer));
      return answer.accepted() ? 0 : 1;
    } catch (EnvelopeFormatException e) {
      out.println("test event: could not be written: " + e.getMessage());
      return 1;
    }
  }

  private static String hint(DirectSender.Answer answer) {
    if (answer.error() != null) {
      return ": Sentry cannot be reached; check the DSN's host, the network and proxy.host";
    }
    switch (answer.status()) {
      case 401:
      case 403:
        return ": check the DSN's key and project, and that the project accepts this client";
      case 413:
        return ": the envelope is larger than the server accepts";
      case 429:
        return ": rate limited; the project's quota or a spike protection is in force";
      default:
        return "";
    }
  }

  /** Keeps what the SDK hands over, to send it synchronously afterwards. */
  private static final class Collecting implements Transport {
    private final List<Envelope> envelopes;

    Collecting(List<Envelope> envelopes) {
      this.envelopes = envelopes;
    }

    @Override
    public void send(Envelope envelope) {
      envelopes.add(envelope);
    }

    @Override
    public boolean flush(long timeoutMillis) {
      return true;
    }

    @Override
    public void close(long timeoutMillis) {}

    @Override
    public String toString() {
      return "Collecting{" + envelopes.size() + '}';
    }
  }
}
