package io.sentryj.agent;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the agent into a running JVM through the Attach API, found by reflection: module {@code
 * jdk.attach} from Java 9, {@code lib/tools.jar} of the JDK on Java 8.
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
      Method load = vmClass.getMethod("loadAgent", String.class, String.class);
      load.invoke(vm, jar, agentArgs);
    } finally {
      vmClass.getMethod("detach").invoke(vm);
    }
    out.println("sentry-agent loaded into JVM " + pid + " (its standard error tells how it went)");
    return 0;
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
