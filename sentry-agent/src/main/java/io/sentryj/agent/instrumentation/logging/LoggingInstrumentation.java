package io.sentryj.agent.instrumentation.logging;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import io.sentryj.agent.weave.Call;
import io.sentryj.agent.weave.Hook;
import io.sentryj.agent.weave.MethodMatcher;
import io.sentryj.agent.weave.TypeMatcher;
import io.sentryj.agent.weave.Value;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One logging library's capture: {@code logback}, {@code log4j2}, {@code jul} or {@code
 * jboss-logmanager}, each switchable on its own. The woven code hands the library's objects to the
 * {@code LogBridge}; {@link LoggingHooks} reads them. This class only names the methods: for each
 * library the ones every record passes once, on the thread that logs it.
 */
public final class LoggingInstrumentation implements AgentInstrumentation {
  private static final String BRIDGE = "io/sentryj/agent/bootstrap/LogBridge";
  private static final String TWO_OBJECTS = "(Ljava/lang/Object;Ljava/lang/Object;)V";
  private static final Call EXIT = new Call(BRIDGE, "exit", "()V");
  private static final String LOG4J = "org/apache/logging/log4j/";
  private static final String LOG4J_MESSAGE_CALL =
      "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;"
          + "Ljava/lang/Throwable;)V";

  private final String name;
  private final List<Hook> hooks;

  private LoggingInstrumentation(String name, Hook... hooks) {
    this.name = name;
    this.hooks = Collections.unmodifiableList(Arrays.asList(hooks));
  }

  /** Logback's {@code Logger.callAppenders(ILoggingEvent)}. */
  public static LoggingInstrumentation logback() {
    return new LoggingInstrumentation(
        "logback",
        around(
            "logback",
            TypeMatcher.named("ch/qos/logback/classic/Logger"),
            MethodMatcher.named("callAppenders")
                .descriptor("(Lch/qos/logback/classic/spi/ILoggingEvent;)V"),
            new Call(BRIDGE, "logback", TWO_OBJECTS, Value.THIS, Value.argument(0))));
  }

  /**
   * Log4j 2's {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)} and {@code
   * AsyncLoggerConfig}'s own; {@code AsyncLogger}'s {@code logMessage} and {@code log}; and its
   * ring buffer's {@code actualAsyncLog}, suppressed.
   */
  public static LoggingInstrumentation log4j2() {
    String asyncLogger = LOG4J + "core/async/AsyncLogger";
    return new LoggingInstrumentation(
        "log4j2",
        around(
            "log4j2",
            TypeMatcher.named(
                LOG4J + "core/config/LoggerConfig", LOG4J + "core/async/AsyncLoggerConfig"),
            MethodMatcher.named("log")
                .descriptor(
                    "(L"
                        + LOG4J
                        + "core/LogEvent;L"
                        + LOG4J
                        + "core/config/LoggerConfig$LoggerConfigPredicate;)V"),
            new Call(BRIDGE, "log4j", TWO_OBJECTS, Value.argument(0), Value.argument(1))),
        around(
            "log4j2",
            TypeMatcher.named(asyncLogger),
            MethodMatcher.named("logMessage")
                .descriptor(
                    "(Ljava/lang/String;L"
                        + LOG4J
                        + "Level;L"
                        + LOG4J
                        + "Marker;L"
                        + LOG4J
                        + "message/Message;Ljava/lang/Throwable;)V"),
            new Call(
                BRIDGE,
                "log4jAsync",
                LOG4J_MESSAGE_CALL,
                Value.THIS,
                Value.argument(1),
                Value.argument(2),
                Value.argument(3),
                Value.argument(4))),
        around(
            "log4j2",
            TypeMatcher.named(asyncLogger),
            MethodMatcher.named("log")
                .descriptor(
                    "(L"
                        + LOG4J
                        + "Level;L"
                        + LOG4J
                        + "Marker;Ljava/lang/String;Ljava/lang/StackTraceElement;L"
                        + LOG4J
                        + "message/Message;Ljava/lang/Throwable;)V"),
            new Call(
                BRIDGE,
                "log4jAsync",
                LOG4J_MESSAGE_CALL,
                Value.THIS,
                Value.argument(0),
                Value.argument(1),
                Value.argument(4),
                Value.argument(5))),
        around(
            "log4j2",
            TypeMatcher.named(asyncLogger),
            MethodMatcher.named("actualAsyncLog")
                .descriptor("(L" + LOG4J + "core/async/RingBufferLogEvent;)V"),
            new Call(BRIDGE, "suppress", "()V")));
  }

  /**
   * {@code java.util.logging.Logger.log(LogRecord)}, and the own {@code log(LogRecord)} of a
   * subclass whose name says it is a logger: a subclass that overrides it may never call {@code
   * Logger}'s. Only the outermost call on a thread is captured, so an override that calls {@code
   * super.log} gives one event. The libraries read by their own hooks are left out.
   */
  public static LoggingInstrumentation jul() {
    MethodMatcher log = MethodMatcher.named("log").descriptor("(Ljava/util/logging/LogRecord;)V");
    Call enter = new Call(BRIDGE, "jul", TWO_OBJECTS, Value.THIS, Value.argument(0));
    return new LoggingInstrumentation(
        "jul",
        around("jul", TypeMatcher.named("java/util/logging/Logger"), log, enter),
        around(
            "jul",
            TypeMatcher.containing(
                    "Logger",
                    "java/",
                    "javax/",
                    "jdk/",
                    "sun/",
                    "com/sun/",
                    "org/jboss/logmanager/",
                    "ch/qos/logback/",
                    LOG4J,
                    "org/slf4j/")
                .withSupertype("java/util/logging/Logger"),
            log,
            enter));
  }

  /** JBoss LogManager's {@code Logger.logRaw(ExtLogRecord)}. */
  public static LoggingInstrumentation jbossLogManager() {
    return new LoggingInstrumentation(
        "jboss-logmanager",
        around(
            "jboss-logmanager",
            TypeMatcher.named("org/jboss/logmanager/Logger"),
            MethodMatcher.named("logRaw").descriptor("(Lorg/jboss/logmanager/ExtLogRecord;)V"),
            new Call(BRIDGE, "jboss", TWO_OBJECTS, Value.THIS, Value.argument(0))));
  }

  /** The entry call, and the bridge's exit on every way out. */
  private static Hook around(String name, TypeMatcher type, MethodMatcher method, Call enter) {
    return Hook.on(name, type, method).enter(enter).onThrow(EXIT).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Hook> hooks() {
    return hooks;
  }

  @Override
  public String toString() {
    return "LoggingInstrumentation{" + name + '}';
  }
}
