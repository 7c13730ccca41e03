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
import io.sentryj.internal.transport.DirectSender;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Prints the configuration the agent would run with, as it resolves it from the same sources
 * (arguments given here standing for the agent arguments), and where each value came from; the
 * DSN's secret key is masked. Then it captures a test event and sends it to the DSN, printing what
 * the server answered (status, {@code X-Sentry-Error}, rate limits); with {@code
 * agent.envelope-dir} set it writes the event there instead.
 */
final class DoctorCommand {
  /** How to show the keys people set most; the rest show as set, and in the resolved line. */
  private static final Map<String, Function<SentryOptions, Object>> VALUES = values();

  static final String TEST_MESSAGE = "sentryj agent doctor: test event";

  private DoctorCommand() {}

  private static Map<String, Function<SentryOptions, Object>> values() {
    Map<String, Function<SentryOptions, Object>> m = new HashMap<>();
    m.put("environment", SentryOptions::environment);
    m.put("release", o -> String.valueOf(o.release()));
    m.put("dist", o -> String.valueOf(o.dist()));
    m.put("server-name", o -> String.valueOf(o.serverName()));
    m.put("sample-rate", SentryOptions::sampleRate);
    m.put("debug", SentryOptions::debug);
    m.put("send-default-pii", SentryOptions::sendDefaultPii);
    m.put("in-app-includes", SentryOptions::inAppIncludes);
    m.put("in-app-excludes", SentryOptions::inAppExcludes);
    m.put("max-breadcrumbs", SentryOptions::maxBreadcrumbs);
    m.put("proxy.host", o -> String.valueOf(o.proxy()));
    return m;
  }

  static int run(String agentArgs, PrintStream out) throws InterruptedException {
    Map<String, String> args = AgentArgs.parse(agentArgs);
    AgentSettings settings = AgentSettings.ofProcess(args);
    SentryOptions options;
    try {
      options = SentryRuntime.resolveOptions(AgentInstaller.optionsBuilder(args, settings));
    } catch (IllegalArgumentException e) {
      out.println("configuration is invalid: " + e.getMessage());
      return 1;
    }
    String dsn = options.dsn();
    out.println(
        "dsn: "
            + (dsn != null && options.hasDsn() ? Dsn.parse(dsn).toString() : "(none)")
            + "  <- "
            + options.originOf("dsn"));
    for (String key : new TreeSet<>(BuilderAccess.get().keys())) {
      if (!key.equals("dsn") && !options.originOf(key).equals("default")) {
        Function<SentryOptions, Object> value = VALUES.get(key);
        String shown = value != null ? String.valueOf(value.apply(options)) : "(set)";
        out.println(key + ": " + shown + "  <- " + options.originOf(key));
      }
    }
    for (Map.Entry<String, String> tag : options.tags().entrySet()) {
      String key = "tags." + tag.getKey();
      out.println(key + ": " + tag.getValue() + "  <- " + options.originOf(key));
    }
    out.println("resolved: " + options);
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
