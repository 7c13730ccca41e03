package io.sentryj.agent;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.Dsn;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Prints the configuration the agent would run with, as it resolves it from the same sources
 * (arguments given here standing for the agent arguments), and where each value came from; the
 * DSN's secret key is masked. With {@code agent.envelope-dir} set it also captures a test event.
 */
final class DoctorCommand {
  /** How to show the keys people set most; the rest show as set, and in the resolved line. */
  private static final Map<String, Function<SentryOptions, Object>> VALUES = values();

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

  static int run(String agentArgs, PrintStream out) {
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

  private static int testEvent(SentryOptions options, AgentSettings settings, PrintStream out) {
    String dir = settings.envelopeDir();
    if (dir == null) {
      out.println(
          options.hasDsn()
              ? "test event: not sent, this build has no HTTP transport yet"
              : "test event: not sent, no DSN: the agent would do nothing");
      return options.hasDsn() ? 0 : 1;
    }
    Sentry.init(options.toBuilder().enableUncaughtExceptionHandler(false).build());
    try {
      out.println(
          "test event: "
              + Sentry.captureMessage("sentryj agent doctor: test event")
              + " written to "
              + dir);
    } finally {
      Sentry.close();
    }
    return 0;
  }
}
