package io.sentryj.agent.instrumentation.logging;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.sentryj.agent.instrumentation.AgentInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One logging library's capture: {@code logback}, {@code log4j2} or {@code jul}, each switchable on
 * its own. The advice hands each record to {@link LoggingCapture} through the bootstrap {@code
 * LogBridge}; this class only names the method to advise.
 */
public final class LoggingInstrumentation implements AgentInstrumentation {
  private final String name;
  private final String typeName;
  private final ElementMatcher<? super MethodDescription> method;
  private final Class<?> advice;

  private LoggingInstrumentation(
      String name,
      String typeName,
      ElementMatcher<? super MethodDescription> method,
      Class<?> advice) {
    this.name = name;
    this.typeName = typeName;
    this.method = method;
    this.advice = advice;
  }

  /** Logback's {@code Logger.callAppenders(ILoggingEvent)}. */
  public static LoggingInstrumentation logback() {
    return new LoggingInstrumentation(
        "logback",
        "ch.qos.logback.classic.Logger",
        named("callAppenders").and(takesArguments(1)),
        LogbackAdvice.class);
  }

  /** Log4j 2's {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)}. */
  public static LoggingInstrumentation log4j2() {
    return new LoggingInstrumentation(
        "log4j2",
        "org.apache.logging.log4j.core.config.LoggerConfig",
        named("log")
            .and(takesArguments(2))
            .and(takesArgument(0, named("org.apache.logging.log4j.core.LogEvent"))),
        Log4j2Advice.class);
  }

  /** {@code java.util.logging.Logger.log(LogRecord)}. */
  public static LoggingInstrumentation jul() {
    return new LoggingInstrumentation(
        "jul",
        "java.util.logging.Logger",
        named("log")
            .and(takesArguments(1))
            .and(takesArgument(0, named("java.util.logging.LogRecord"))),
        JulAdvice.class);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> typeNamePrefixes() {
    return Collections.singletonList(typeName);
  }

  @Override
  public AgentBuilder extend(AgentBuilder builder) {
    return builder
        .type(named(typeName))
        .transform(
            new AgentBuilder.Transformer.ForAdvice()
                .include(advice.getClassLoader())
                .advice(method, advice.getName()));
  }

  @Override
  public String toString() {
    return "LoggingInstrumentation{" + name + '}';
  }
}
