package io.sentryj.agent;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar sentry-agent.jar <command>}: {@code attach <pid> [key=value,...]}, {@code doctor
 * [key=value,...]}, {@code inspect <outbox dir or envelope file>...} and {@code upload [--dsn
 * <dsn>] <outbox dir>...}. Exits 0 on success, 1 when the command failed, 2 on a usage error.
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
          return rest.length <= 1
              ? DoctorCommand.run(rest.length == 1 ? rest[0] : "", out)
              : usage(err);
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

  private static int usage(PrintStream err) {
    err.println("usage: java -jar sentry-agent.jar <command>");
    err.println("  attach <pid> [key=value,...]   start the agent in a running JVM");
    err.println("  doctor [key=value,...]         show the configuration and where it came from");
    err.println("  inspect <dir or file>...       print stored envelopes readably");
    err.println("  upload [--dsn <dsn>] <dir>...  send the envelopes stored in outbox directories");
    return 2;
  }
}
