package io.sentryj.agent;

import java.io.PrintStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar sentry-agent.jar <command>}: {@code attach <pid> [key=value,...]}, {@code doctor
 * [--app <jar or main class>] [key=value,...]}, {@code inspect <outbox dir or envelope file>...}
 * and {@code upload [--dsn <dsn>] <outbox dir>...}. Exits 0 on success, 1 when the command failed,
 * 2 on a usage error.
 */
public final class AgentMain {
  private AgentMain() {}

  /** Runs a command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "attach":
          return rest.length >= 1 && rest.length <= 2
              ? AttachCommand.run(rest[0], rest.length == 2 ? rest[1] : "", out)
              : usage(err);
        case "doctor":
          return doctor(rest, out, err);
        case "upload":
          return UploadCommand.run(rest, out, err);
        case "inspect":
          return rest.length >= 1 ? InspectCommand.run(rest, out) : usage(err);
        default:
          return usage(err);
      }
    } catch (Exception e) {
      err.println("sentry-agent " + args[0] + " failed: " + e);
      return 1;
    }
  }

  /** {@code doctor [--app <jar or main class>] [key=value,...]}. */
  private static int doctor(String[] args, PrintStream out, PrintStream err)
      throws InterruptedException {
    @Nullable String application = null;
    int next = 0;
    if (args.length >= 2 && args[0].equals("--app")) {
      application = args[1];
      next = 2;
    }
    if (args.length - next > 1) {
      return usage(err);
    }
    return DoctorCommand.run(next < args.length ? args[next] : "", application, out);
  }

  private static int usage(PrintStream err) {
    err.println("usage: java -jar sentry-agent.jar <command>");
    err.println("  attach <pid> [key=value,...]   start the agent in a running JVM");
    err.println("  doctor [--app <jar or main class>] [key=value,...]");
    err.println("                                 show the configuration and where it came from");
    err.println("  inspect <dir or file>...       print stored envelopes readably");
    err.println("  upload [--dsn <dsn>] <dir>...  send the envelopes stored in outbox directories");
    return 2;
  }
}
