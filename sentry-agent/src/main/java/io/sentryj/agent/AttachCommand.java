package io.sentryj.agent;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Loads the agent into a running JVM through the Attach API, found by reflection: module {@code
 * jdk.attach} from Java 9, {@code lib/tools.jar} of the JDK on Java 8. A JVM that runs the agent
 * already (from {@code -javaagent:} or an earlier {@code attach}) is left alone: a second start
 * would be ignored there, and its options with it, so it says so and fails. After loading, it
 * reports whether the agent started, from the state the agent keeps in the target ({@link
 * AgentState}).
 */
final class AttachCommand {
  private static final String VIRTUAL_MACHINE = "com.sun.tools.attach.VirtualMachine";

  private AttachCommand() {}

  static int run(String pid, String agentArgs, PrintStream out) throws Exception {
    String jar =
        new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    AgentArgs.parse(agentArgs); // fail here, not in the target, on arguments that do not parse
    Class<?> vmClass = attachApi();
    Object vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
    try {
      String before = state(vmClass, vm);
      if (!AgentState.mayStart(before)) {
        out.println(
            "sentry-agent is already in JVM "
                + pid
                + " ("
                + before
                + "): not loaded again, and these options are not applied; restart the JVM to"
                + " change them");
        return 1;
      }
      Method load = vmClass.getMethod("loadAgent", String.class, String.class);
      load.invoke(vm, jar, agentArgs);
      String after = state(vmClass, vm);
      if (AgentState.RUNNING.equals(after)) {
        out.println("sentry-agent started in JVM " + pid);
        return 0;
      }
      out.println(
          "sentry-agent loaded into JVM "
              + pid
              + " but not running ("
              + (after != null ? after : "no state")
              + "); its standard error tells why");
      return 1;
    } finally {
      vmClass.getMethod("detach").invoke(vm);
    }
  }

  private static @Nullable String state(Class<?> vmClass, Object vm) throws Exception {
    return AgentState.of((Properties) vmClass.getMethod("getSystemProperties").invoke(vm));
  }

  private static Class<?> attachApi() throws Exception {
    try {
      // jdk.attach belongs to the application class loader, which the agent's loader cannot see
      return Class.forName(VIRTUAL_MACHINE, true, ClassLoader.getSystemClassLoader());
    } catch (ClassNotFoundException e) {
      File tools = new File(System.getProperty("java.home"), "../lib/tools.jar");
      if (!tools.isFile()) {
        throw new IllegalStateException(
            "the Attach API is missing: run attach with a JDK (not a JRE) of the target's version",
            e);
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {tools.toURI().toURL()});
      return Class.forName(VIRTUAL_MACHINE, true, loader);
    }
  }
}
