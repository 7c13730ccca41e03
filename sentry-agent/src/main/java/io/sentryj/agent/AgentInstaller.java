package io.sentryj.agent;

import static java.util.Objects.requireNonNull;

import io.sentryj.Sentry;
import io.sentryj.SentryOptions;
import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.instrumentation.executor.ExecutorInstrumentation;
import io.sentryj.agent.instrumentation.executor.TaskCarrier;
import io.sentryj.agent.instrumentation.http.HttpHooks;
import io.sentryj.agent.instrumentation.http.HttpInstrumentation;
import io.sentryj.agent.instrumentation.http.OutgoingHttp;
import io.sentryj.agent.instrumentation.jdbc.JdbcHooks;
import io.sentryj.agent.instrumentation.jdbc.JdbcInstrumentation;
import io.sentryj.agent.instrumentation.logging.LoggingHooks;
import io.sentryj.agent.instrumentation.logging.LoggingInstrumentation;
import io.sentryj.agent.instrumentation.servlet.ServletHooks;
import io.sentryj.agent.instrumentation.servlet.ServletInstrumentation;
import io.sentryj.agent.instrumentation.uncaught.EarlyHandler;
import io.sentryj.agent.instrumentation.uncaught.UncaughtCapture;
import io.sentryj.agent.instrumentation.uncaught.UncaughtInstrumentation;
import io.sentryj.agent.instrumentation.vertx.VertxHooks;
import io.sentryj.agent.instrumentation.vertx.VertxInstrumentation;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.Weaver;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.config.BuilderAccess;
import io.sentryj.internal.config.OptionText;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.ApplicationPackage;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Starts the agent in two parts. Before {@code main}, what must be there from the first instant and
 * costs little: the options (inert without a DSN), the bridge on the bootstrap class path, the
 * logging hooks (which keep what is logged until the SDK runs), the placeholder uncaught-exception
 * handler, and the {@link Weaver}, which from then on weaves every hooked class as it loads. Then,
 * on a thread of its own beside the application (or at once when attached or with {@code
 * agent.start=sync}): {@code Sentry.init}, the hooks behind the bridges, and the weaving of the few
 * hooked classes loaded before the agent (the JDK's {@code Thread} and pools).
 */
final class AgentInstaller {
  /** The origin of options given after {@code -javaagent:sentry-agent.jar=}. */
  static final String ARGUMENT_ORIGIN = "agent argument ";

  /** How {@code sdk.integrations} names an instrumentation: {@code agent.servlet}. */
  static final String INTEGRATION_PREFIX = "agent.";

  private static final List<String> LOGGING =
      Arrays.asList("logback", "log4j2", "jul", "jboss-logmanager");

  private final Instrumentation instrumentation;
  private final boolean attached;

  private volatile @Nullable EarlyHandler early;
  private volatile @Nullable LoggingHooks logging;
  // set once anything is installed: a start that fails after it cannot be tried again
  private volatile boolean begun;

  AgentInstaller(Instrumentation instrumentation, boolean attached) {
    this.instrumentation = instrumentation;
    this.attached = attached;
  }

  /** Every instrumentation, in the order their hooks are woven. */
  static List<AgentInstrumentation> instrumentations() {
    return Arrays.asList(
        new UncaughtInstrumentation(),
        new ExecutorInstrumentation(),
        LoggingInstrumentation.logback(),
        LoggingInstrumentation.log4j2(),
        LoggingInstrumentation.jul(),
        LoggingInstrumentation.jbossLogManager(),
        new HttpInstrumentation(),
        new JdbcInstrumentation(),
        new ServletInstrumentation(),
        new VertxInstrumentation());
  }

  static void printLine(String line) {
    System.err.println("[sentryj] sentry-agent: " + line);
  }

  /**
   * Starts the agent, or leaves the JVM as it was and returns false when there is nowhere to send
   * to (a later {@code attach} may then start it).
   */
  boolean install(Map<String, String> args) throws Exception {
    AgentSettings settings = AgentSettings.ofProcess(args);
    boolean background = !attached && settings.startsInBackground();
    SentryOptions options = null;
    // reading the options costs a JVM's start some 50 ms: when a source names somewhere to send,
    // they are read on the start thread instead
    if (!background || !settings.namesSomewhereToSend()) {
      options = resolve(args, settings);
      if (!deliversSomewhere(options, settings)) {
        standBy();
        return false;
      }
    }
    begun = true;
    BootstrapBridge.appendToBootstrapPath(instrumentation);
    List<AgentInstrumentation> enabled = enabled(settings);
    if (background && settings.isEnabled("uncaught")) {
      // an exception ending a thread before the SDK runs waits for it here
      early = EarlyHandler.install();
    }
    if (anyLogging(settings)) {
      logging = LoggingHooks.install(settings);
    }
    Weaver weaver = new Weaver(hooks(enabled), new WeaveReport());
    instrumentation.addTransformer(weaver, true);
    Start start = new Start(args, settings, enabled, weaver, options);
    if (background) {
      AgentState.set(AgentState.STARTING);
      startInBackground(start);
      return true;
    }
    try {
      start.run(requireNonNull(options));
    } finally {
      startOver();
    }
    AgentState.set(AgentState.RUNNING);
    return true;
  }

  private static SentryOptions resolve(Map<String, String> args, AgentSettings settings) {
    return SentryRuntime.resolveOptions(optionsBuilder(args, settings));
  }

  private static boolean deliversSomewhere(SentryOptions options, AgentSettings settings) {
    return options.hasDsn()
        || options.outboxOnly()
        || options.spotlight()
        || settings.envelopeDir() != null;
  }

  private static void standBy() {
    AgentState.set(AgentState.IDLE + "no DSN, outbox-only or Spotlight configured");
    printLine(
        "no DSN, outbox-only or Spotlight configured, so the agent does nothing (set a DSN with -Dsentry.dsn=..., SENTRY_DSN,"
            + " sentry.properties or -javaagent:sentry-agent.jar=dsn=...)");
  }

  private void startInBackground(Start start) {
    EarlyHandler waiting = early;
    Thread starter = new Thread(new Starter(start), "sentryj-agent-start");
    starter.setDaemon(true);
    if (waiting != null) {
      waiting.startingOn(starter);
    }
    starter.start();
  }

  /** Whether anything was installed, so that the JVM is no longer as it was. */
  boolean begun() {
    return begun;
  }

  /**
   * The start is over, whichever way it went: nothing waits for the SDK any more (after a start
   * that worked, nothing does already).
   */
  private void startOver() {
    LoggingHooks log = logging;
    if (log != null) {
      log.startOver();
    }
    EarlyHandler waiting = early;
    if (waiting != null) {
      waiting.started();
    }
  }

  /** The instrumentations switched on. */
  private static List<AgentInstrumentation> enabled(AgentSettings settings) {
    List<AgentInstrumentation> enabled = new ArrayList<>();
    for (AgentInstrumentation each : instrumentations()) {
      if (settings.isEnabled(each.name())) {
        enabled.add(each);
      }
    }
    return enabled;
  }

  /** The hooks of the instrumentations; one whose hooks cannot be made is skipped. */
  private static List<Hook> hooks(List<AgentInstrumentation> enabled) {
    List<Hook> hooks = new ArrayList<>();
    for (AgentInstrumentation each : enabled) {
      try {
        hooks.addAll(each.hooks());
      } catch (RuntimeException | LinkageError e) {
        printLine("instrumentation " + each.name() + " skipped: " + e);
      }
    }
    return hooks;
  }

  private static boolean anyLogging(AgentSettings settings) {
    for (String name : LOGGING) {
      if (settings.isEnabled(name)) {
        return true;
      }
    }
    return false;
  }

  /** Connects the bridges' hooks, the plain code behind the woven calls. */
  private static void installHooks(
      SentryOptions options,
      AgentSettings settings,
      Thread.@Nullable UncaughtExceptionHandler before) {
    UncaughtCapture uncaught =
        settings.isEnabled("uncaught") ? UncaughtCapture.takeOver(before) : null;
    TaskCarrier carrier =
        settings.isEnabled("executor")
            ? new TaskCarrier(uncaught != null ? uncaught::captureThrown : null)
            : null;
    AgentHooks.install(carrier, uncaught);
    if (settings.isEnabled("http")) {
      HttpHooks.install(
          new OutgoingHttp(String.join(",", options.tracePropagationTargets()), options.dsn()));
    }
    if (settings.isEnabled("jdbc")) {
      JdbcHooks.install();
    }
    if (settings.isEnabled("servlet")) {
      ServletHooks.install();
    }
    if (settings.isEnabled("vertx")) {
      VertxHooks.install(options.sendDefaultPii());
    }
  }

  /** The agent arguments as options set with their origin, and the agent's own transport. */
  static SentryOptions.Builder optionsBuilder(Map<String, String> args, AgentSettings settings) {
    SentryOptions.Builder builder = SentryOptions.builder();
    BuilderAccess access = BuilderAccess.get();
    for (Map.Entry<String, String> arg : args.entrySet()) {
      if (!arg.getKey().startsWith(AgentSettings.PREFIX)) {
        access.option(
            builder, new OptionText(arg.getKey(), arg.getValue(), ARGUMENT_ORIGIN + arg.getKey()));
      }
    }
    if (!settings.isEnabled("uncaught")) {
      access.option(
          builder,
          new OptionText(
              "enable-uncaught-exception-handler",
              "false",
              "agent setting agent.instrumentation.uncaught.enabled"));
    }
    String dir = settings.envelopeDir();
    if (dir != null) {
      builder.transportFactory(o -> new EnvelopeDirTransport(Paths.get(dir)));
    }
    return builder;
  }

  /** Whether the JVM is exiting, so that a start cut short says nothing. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return "AgentInstaller{attached=" + attached + '}';
  }

  /**
   * What starts once the weaver is in: {@code Sentry.init} (after reading the options, if {@code
   * premain} left them), the hooks behind the bridges, and the weaving of the hooked classes loaded
   * before the agent.
   */
  private final class Start {
    private final Map<String, String> args;
    private final AgentSettings settings;
    private final List<AgentInstrumentation> enabled;
    private final Weaver weaver;
    private final @Nullable SentryOptions options;

    Start(
        Map<String, String> args,
        AgentSettings settings,
        List<AgentInstrumentation> enabled,
        Weaver weaver,
        @Nullable SentryOptions options) {
      this.args = args;
      this.settings = settings;
      this.enabled = enabled;
      this.weaver = weaver;
      this.options = options;
    }

    /** The options, read now if {@code premain} did not; null when they send nowhere. */
    @Nullable SentryOptions options() {
      SentryOptions resolved = options != null ? options : resolve(args, settings);
      return deliversSomewhere(resolved, settings) ? resolved : null;
    }

    /** Starts the SDK and connects the hooks, then weaves what was loaded before the agent. */
    void run(SentryOptions resolved) {
      long begin = System.nanoTime();
      EarlyHandler waiting = early;
      if (waiting != null && !resolved.enableUncaughtExceptionHandler()) {
        waiting.uninstall();
        waiting = null;
      }
      Thread.UncaughtExceptionHandler before =
          waiting != null
              ? waiting.applicationHandler()
              : Thread.getDefaultUncaughtExceptionHandler();
      for (AgentInstrumentation each : enabled) {
        SentryRuntime.nameIntegration(INTEGRATION_PREFIX + each.name());
      }
      Sentry.init(resolved);
      installHooks(resolved, settings, before);
      LoggingHooks log = logging;
      if (log != null) {
        log.sdkStarted();
      }
      if (waiting != null) {
        waiting.started(); // the SDK and the hooks are ready: capture no longer waits
      }
      Diagnostics.debug(
          "SDK started in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      if (Diagnostics.isDebug()) {
        Diagnostics.debug("in-app: application package %s", ApplicationPackage.detected());
      }
      long weaving = System.nanoTime();
      weaver.retransformLoaded(instrumentation);
      // a default handler the application set before this would have replaced the agent's: set
      // again, through the hook now woven, it goes behind the agent's
      Thread.setDefaultUncaughtExceptionHandler(Thread.getDefaultUncaughtExceptionHandler());
      Diagnostics.debug(
          "classes loaded before the agent woven in %d ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - weaving));
    }

    /** Nowhere to send after all: the weaver goes, and what it wove calls no hook. */
    void standDown() {
      instrumentation.removeTransformer(weaver);
      EarlyHandler waiting = early;
      if (waiting != null) {
        waiting.uninstall();
      }
      standBy();
    }

    @Override
    public String toString() {
      return "Start{" + enabled.size() + " instrumentations}";
    }
  }

  /** The background start, on the thread {@code sentryj-agent-start}. */
  private final class Starter implements Runnable {
    private final Start start;

    Starter(Start start) {
      this.start = start;
    }

    @Override
    public void run() {
      try {
        SentryOptions options = start.options();
        if (options == null) {
          start.standDown();
          return;
        }
        start.run(options);
        AgentState.set(AgentState.RUNNING);
      } catch (Throwable t) {
        AgentState.set("failed: " + t);
        if (!shuttingDown()) {
          printLine("could not start, the application runs without it: " + t);
        }
      } finally {
        startOver();
      }
    }

    @Override
    public String toString() {
      return "Starter{" + start + '}';
    }
  }

  /** One line per class that could not be woven (it stays as it was); a count for debug. */
  private static final class WeaveReport implements Weaver.Listener {
    @Override
    public void woven(String internalName, int hooks) {
      if (Diagnostics.isDebug()) {
        Diagnostics.debug("wove %d hooks into %s", hooks, internalName);
      }
    }

    @Override
    public void failed(String internalName, Throwable cause) {
      printLine("left " + internalName.replace('/', '.') + " uninstrumented: " + cause);
    }

    @Override
    public String toString() {
      return "WeaveReport";
    }
  }
}
