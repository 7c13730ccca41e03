/**
 * The sentryj agent: {@code java -javaagent:sentry-agent.jar=dsn=...} captures errors without a
 * line of code. Entry points: {@link io.sentryj.agent.SentryAgent} ({@code premain}, {@code
 * agentmain}) and {@link io.sentryj.agent.AgentMain} (the command line).
 *
 * <h2>The jar and its class loaders</h2>
 *
 * <p>One shaded jar, {@code sentry-agent.jar}, holding three kinds of classes:
 *
 * <ol>
 *   <li><b>The entry class</b>, {@link io.sentryj.agent.SentryAgent}, and its {@code
 *       AgentClassLoader}: the only agent classes at the jar's root, which the application class
 *       loader serves as it does every agent jar. They depend on nothing but the JDK.
 *   <li><b>The agent and everything it bundles</b>, under {@code inst/} of the jar, classes stored
 *       as {@code .classdata}: the agent ({@code io.sentryj.agent.*}: configuration, commands and
 *       one package per instrumentation under {@code io.sentryj.agent.instrumentation}) and,
 *       relocated under {@code io.sentryj.agent.shaded}, the SDK ({@code io.sentryj} becomes {@code
 *       io.sentryj.agent.shaded.sentryj}), ByteBuddy, Gson, OkHttp, okio, Kotlin and SLF4J. Only
 *       the {@code AgentClassLoader} that {@code SentryAgent} creates defines them, with the
 *       platform class loader (Java 8: the extension loader) as parent: the application can neither
 *       name them nor meet them, and its own OkHttp 3, Gson 2.8 or sentryj is never confused with
 *       ours. {@code SentryAgent} calls {@code AgentStart} or {@code AgentMain} through that loader
 *       by reflection. ByteBuddy reads the advice it inlines through the same loader, which serves
 *       {@code .class} resources from the {@code .classdata} entries.
 *   <li><b>The bridge</b>, {@code io.sentryj.agent.bootstrap}: the only classes advice inlined into
 *       JDK classes ({@code Thread}, {@code ThreadPoolExecutor}, ...) calls. Those classes see only
 *       the bootstrap class loader, so at start-up the agent copies the bridge into a small
 *       temporary jar and appends it with {@code
 *       Instrumentation.appendToBootstrapClassLoaderSearch} before anything loads it; parent-first
 *       delegation then gives the application's class loaders and the agent's the same copy. The
 *       bridge knows no SDK type: it forwards to hooks the agent installs, and returns its argument
 *       unchanged until then, on re-entry, or when a hook throws.
 * </ol>
 *
 * <h2>Configuration</h2>
 *
 * <p>The SDK's keys ({@code dsn}, {@code environment}, {@code tags.team}, ...) come from, highest
 * first: the agent arguments ({@code -javaagent:sentry-agent.jar=dsn=...,environment=staging}; they
 * rank like options set in code, since the command line of one process is the most specific place),
 * system properties {@code sentry.*}, environment variables {@code SENTRY_*}, and {@code
 * sentry.properties}, merged by the core's options loader, which records each value's origin. The
 * agent's own keys live under {@code agent.}: {@code
 * -Dsentry.agent.instrumentation.executor.enabled=false} switches the {@code executor}
 * instrumentation off. Without a DSN (and without {@code agent.envelope-dir}) the agent prints one
 * line and changes nothing.
 *
 * <h2>Failure</h2>
 *
 * <p>Nothing the agent does may stop the application: start-up failures are one line on standard
 * error; an instrumentation whose set-up fails is skipped with one line, and a JDK class that
 * cannot be transformed stays as it was, with one line; every advice method has {@code suppress =
 * Throwable.class}, and the bridge guards against re-entry and returns its argument when a hook
 * throws.
 */
@NullMarked
package io.sentryj.agent;

import org.jspecify.annotations.NullMarked;
