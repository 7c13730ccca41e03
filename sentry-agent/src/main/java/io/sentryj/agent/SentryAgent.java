package io.sentryj.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import org.jspecify.annotations.Nullable;

/**
 * The agent's entry points: {@code -javaagent:sentry-agent.jar[=key=value,...]} at start-up, {@code
 * sentry-agent.jar attach <pid>} into a running JVM, and {@code java -jar sentry-agent.jar
 * <command>}. One of the few classes the application class loader finds in the jar: it creates the
 * {@link AgentClassLoader} that holds the rest of the agent, and calls {@code AgentStart} or {@code
 * AgentMain} through it. Depends on nothing but the JDK and that loader. Nothing here ever throws
 * into the application: a failure is one line on standard error.
 */
public final class SentryAgent {
  private static final Object LOCK = new Object();
  private static boolean started;

  private SentryAgent() {}

  /** Called by the JVM before {@code main} for {@code -javaagent:}. */
  public static void premain(@Nullable String args, Instrumentation instrumentation) {
    start(args, instrumentation, false);
  }

  /** Called by the JVM when the agent is loaded into a running JVM. */
  public static void agentmain(@Nullable String args, Instrumentation instrumentation) {
    start(args, instrumentation, true);
  }

  /** {@code java -jar sentry-agent.jar <command>}: runs {@code AgentMain} in the agent's loader. */
  public static void main(String[] args) throws Throwable {
    Method main;
    try {
      main = agentClass("io.sentryj.agent.AgentMain").getMethod("main", String[].class);
    } catch (Exception e) {
      System.err.println("sentry-agent: cannot load its own classes: " + e);
      System.exit(1);
      return;
    }
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void start(
      @Nullable String args, Instrumentation instrumentation, boolean attached) {
    try {
      synchronized (LOCK) {
        if (started) {
          printLine("already running in this JVM; ignoring a second start");
          return;
        }
        started = true;
      }
      Object begun =
          agentClass("io.sentryj.agent.AgentStart")
              .getMethod("start", String.class, Instrumentation.class, boolean.class)
              .invoke(null, args, instrumentation, attached);
      if (Boolean.FALSE.equals(begun)) {
        synchronized (LOCK) {
          started = false; // it changed nothing: a later attach may start it
        }
      }
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
      printLine("could not start, the application runs without it: " + cause);
    }
  }

  /**
   * A class of the agent, from a new {@link AgentClassLoader} over the jar; from this class's own
   * loader when run from a build's class directory, where there is no jar to isolate.
   */
  private static Class<?> agentClass(String name) throws Exception {
    CodeSource source = SentryAgent.class.getProtectionDomain().getCodeSource();
    URL location = source != null ? source.getLocation() : null;
    if (location == null) {
      throw new IllegalStateException("cannot tell where the agent's jar is");
    }
    File jar = new File(location.toURI());
    ClassLoader loader =
        jar.isFile()
            ? new AgentClassLoader(jar, AgentClassLoader.platformLoader())
            : SentryAgent.class.getClassLoader();
    return Class.forName(name, true, loader);
  }

  private static void printLine(String line) {
    System.err.println("[sentryj] sentry-agent: " + line);
  }
}
