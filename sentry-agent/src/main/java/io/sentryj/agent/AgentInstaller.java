package io.sentryj.agent;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

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
import io.sentryj.agent.instrumentation.logging.LoggingCapture;
import io.sentryj.agent.instrumentation.logging.LoggingInstrumentation;
import io.sentryj.agent.instrumentation.servlet.ServletHooks;
import io.sentryj.agent.instrumentation.servlet.ServletInstrumentation;
import io.sentryj.agent.instrumentation.uncaught.EarlyHandler;
import io.sentryj.agent.instrumentation.uncaught.UncaughtCapture;
import io.sentryj.agent.instrumentation.uncaught.UncaughtInstrumentation;
import io.sentryj.internal.SentryRuntime;
import io.sentryj.internal.diag.Diagnostics;
import io.sentryj.internal.event.ApplicationPackage;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.jspecify.annotations.Nullable;

/**
 * Starts the SDK from the agent's configuration and installs the instrumentations, in this order:
 * resolve the options (inert without a DSN), put the bridge on the bootstrap class path, {@code
 * Sentry.init}, connect the bridge, then install each instrumentation on its own.
 */
final class AgentInstaller {
  /** The origin of options given after {@code -javaagent:sentry-agent.jar=}. */
  static final String ARGUMENT_ORIGIN = "agent argument ";

  /** How {@code sdk.integrations} names an instrumentation: {@code agent.servlet}. */
  static final String INTEGRATION_PREFIX = "agent.";

  private static final int RETRANSFORM_BATCH = 100;

  /**
   * ByteBuddy's switch away from {@code sun.misc.Unsafe}, which JDK 24 and later warn about on
   * standard error. Written under ByteBuddy's own name, so that shading moves it with ByteBuddy.
   */
  private static final String BYTEBUDDY_SAFE = "net.bytebuddy.safe";

  private final Instrumentation instrumentation;
  private final boolean attached;

  private volatile @Nullable EarlyHandler early;
  // set once anything is installed: a start that fails after it cannot be tried again
  private volatile boolean begun;

  AgentInstaller(Instrumentation instrumentation, boolean attached) {
    this.instrumentation = instrumentation;
    this.attached = attached;
  }

  /** Every instrumentation, in the order they are installed. */
  static List<AgentInstrumentation> instrumentations() {
    return Arrays.asList(
        new UncaughtInstrumentation(),
        new ExecutorInstrumentation(),
        LoggingInstrumentation.logback(),
        LoggingInstrumentation.log4j2(),
        LoggingInstrumentation.jul(),
        new HttpInstrumentation(),
        new JdbcInstrumentation(),
        new ServletInstrumentation());
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
    SentryOptions options = SentryRuntime.resolveOptions(optionsBuilder(args, settings));
    boolean somewhereToSend =
        options.hasDsn()
            || options.outboxOnly()
            || options.spotlight()
            || settings.envelopeDir() != null;
    if (!somewhereToSend) {
      AgentState.set(AgentState.IDLE + "no DSN, outbox-only or Spotlight configured");
      printLine(
          "no DSN, outbox-only or Spotlight configured, so the agent does nothing (set a DSN with -Dsentry.dsn=..., SENTRY_DSN,"
              + " sentry.properties or -javaagent:sentry-agent.jar=dsn=...)");
      return false;
    }
    begun = true;
    if (System.getProperty(BYTEBUDDY_SAFE) == null) {
      System.setProperty(BYTEBUDDY_SAFE, "true"); // inlined advice needs no class injection
    }
    if (attached || !settings.startsInBackground()) {
      start(options, settings, false);
      AgentState.set(AgentState.RUNNING);
      return true;
    }
    AgentState.set(AgentState.STARTING);
    // The rest takes a second of loading classes: it runs beside the application's start.
    // Meanwhile an exception ending a thread waits for it in the early handler.
    EarlyHandler waiting =
        settings.isEnabled("uncaught") && options.enableUncaughtExceptionHandler()
            ? EarlyHandler.install()
            : null;
    early = waiting;
    Thread starter =
        new Thread(
            () -> {
              try {
                start(options, settings, true);
                AgentState.set(AgentState.RUNNING);
              } catch (Throwable t) {
                AgentState.set("failed: " + t);
                if (!shuttingDown()) {
                  printLine("could not start, the application runs without it: " + t);
                }
              } finally {
                if (waiting != null) {
                  waiting.started();
                }
              }
            },
            "sentryj-agent-start");
    starter.setDaemon(true);
    if (waiting != null) {
      waiting.startingOn(starter);
    }
    starter.start();
    return true;
  }

  /** Whether anything was installed, so that the JVM is no longer as it was. */
  boolean begun() {
    return begun;
  }

  /**
   * Starts the SDK and installs the hooks, then the instrumentations: at once when attached or with
   * {@code agent.start=sync}, else ({@code background}) on the agent's start thread.
   */
  private void start(SentryOptions options, AgentSettings settings, boolean background)
      throws Exception {
    long begin = System.nanoTime();
    BootstrapBridge.appendToBootstrapPath(instrumentation);
    EarlyHandler waiting = early;
    Thread.UncaughtExceptionHandler before =
        waiting != null
            ? waiting.applicationHandler()
            : Thread.getDefaultUncaughtExceptionHandler();
    List<AgentInstrumentation> enabled = enabled(settings);
    Sentry.init(options);
    Diagnostics.debug(
        "SDK started in %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    installHooks(options, settings, before);
    if (Diagnostics.isDebug()) {
      Diagnostics.debug("in-app: application package %s", ApplicationPackage.detected());
    }
    installAll(enabled, background);
  }

  /** The instrumentations switched on, each named in {@code sdk.integrations}. */
  private static List<AgentInstrumentation> enabled(AgentSettings settings) {
    List<AgentInstrumentation> enabled = new ArrayList<>();
    for (AgentInstrumentation each : instrumentations()) {
      if (settings.isEnabled(each.name())) {
        enabled.add(each);
        SentryRuntime.nameIntegration(INTEGRATION_PREFIX + each.name());
      }
    }
    return enabled;
  }

  /** Connects the bridges' hooks, the plain code behind the advice, before any advice runs. */
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
    if (settings.isEnabled("logback")
        || settings.isEnabled("log4j2")
        || settings.isEnabled("jul")) {
      LoggingCapture.install(settings::get);
    }
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
  }

  /** The agent arguments as options set with their origin, and the agent's own transport. */
  static SentryOptions.Builder optionsBuilder(Map<String, String> args, AgentSettings settings) {
    SentryOptions.Builder builder = SentryOptions.builder();
    for (Map.Entry<String, String> arg : args.entrySet()) {
      if (!arg.getKey().startsWith(AgentSettings.PREFIX)) {
        builder.option(arg.getKey(), arg.getValue(), ARGUMENT_ORIGIN + arg.getKey());
      }
    }
    if (!settings.isEnabled("uncaught")) {
      builder.option(
          "enable-uncaught-exception-handler",
          "false",
          "agent setting agent.instrumentation.uncaught.enabled");
    }
    String dir = settings.envelopeDir();
    if (dir != null) {
      builder.transportFactory(o -> new EnvelopeDirTransport(Paths.get(dir)));
    }
    return builder;
  }

  /**
   * Installs the enabled instrumentations with one transformer and one retransformation pass, which
   * halves the start-up time of one builder each. An instrumentation whose set-up throws is
   * skipped; a type that fails to transform stays as it was (see {@link FailureListener}). On the
   * background start thread, the installation runs at the lowest priority.
   */
  private void installAll(List<AgentInstrumentation> enabled, boolean background) {
    EarlyHandler waiting = early;
    if (waiting != null) {
      waiting.started(); // the SDK and the hooks are ready: capture no longer waits
    }
    if (background) {
      // where Java's priorities count; set now, so that the SDK's threads did not inherit it
      Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    }
    long start = System.nanoTime();
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(
                AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(
                    RETRANSFORM_BATCH))
            .with(new FailureListener())
            // a name no instrumentation can match ends the look at a type: its class file is
            // never parsed (isSynthetic would), and no other matcher runs
            .ignore(
                not(CandidateNames.of(enabled))
                    .or(nameStartsWith("io.sentryj.agent."))
                    .or(nameStartsWith("net.bytebuddy."))
                    .or(isSynthetic()));
    List<String> installed = new ArrayList<>();
    for (AgentInstrumentation each : enabled) {
      try {
        builder = each.extend(builder);
        installed.add(each.name());
      } catch (Throwable t) {
        printLine("instrumentation " + each.name() + " skipped: " + t);
      }
    }
    try {
      builder.installOn(instrumentation);
      // a default handler the application set before this would have replaced the agent's: set
      // again, through the advice now installed, it goes behind the agent's
      Thread.setDefaultUncaughtExceptionHandler(Thread.getDefaultUncaughtExceptionHandler());
      Diagnostics.debug(
          "instrumentations %s installed in %d ms",
          installed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (Throwable t) {
      printLine("instrumentations " + installed + " skipped: " + t);
    }
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
   * The names of the types the enabled instrumentations can match, tested on the name alone: the
   * prefixes and parts each declares beside its matchers. One that declares none accepts any name,
   * so that one added without them is never filtered out.
   */
  static final class CandidateNames extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
    private final String[] prefixes;
    private final String[] parts;
    private final boolean any;

    private CandidateNames(List<String> prefixes, List<String> parts, boolean any) {
      this.prefixes = prefixes.toArray(new String[0]);
      this.parts = parts.toArray(new String[0]);
      this.any = any;
    }

    static CandidateNames of(List<AgentInstrumentation> enabled) {
      List<String> prefixes = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      boolean any = false;
      for (AgentInstrumentation each : enabled) {
        List<String> eachPrefixes = each.typeNamePrefixes();
        List<String> eachParts = each.typeNameParts();
        any |= eachPrefixes.isEmpty() && eachParts.isEmpty();
        prefixes.addAll(eachPrefixes);
        parts.addAll(eachParts);
      }
      return new CandidateNames(prefixes, parts, any);
    }

    @Override
    public boolean matches(TypeDescription target) {
      return any || accepts(target.getName());
    }

    boolean accepts(String name) {
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      for (String part : parts) {
        if (name.contains(part)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "CandidateNames{" + Arrays.toString(prefixes) + ", " + Arrays.toString(parts) + '}';
    }
  }

  /** One line per type that could not be changed; the type stays as it was. */
  private static final class FailureListener extends AgentBuilder.Listener.Adapter {

    @Override
    public void onError(
        String typeName,
        @Nullable ClassLoader classLoader,
        @Nullable JavaModule module,
        boolean loaded,
        Throwable throwable) {
      printLine("left " + typeName + " uninstrumented: " + throwable);
    }

    @Override
    public String toString() {
      return "FailureListener";
    }
  }
}
