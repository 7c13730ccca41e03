/**
 * The integration API: the one supported way for code outside the core (a logging appender, a
 * servlet filter, an agent's instrumentation) to reach the running SDK. Nothing else than this
 * package, {@code io.sentryj} and {@code io.sentryj.protocol} may be used from another module; the
 * build fails when a class of another module uses {@code io.sentryj.internal}.
 *
 * <ul>
 *   <li>{@link io.sentryj.integration.Sdk}: the running SDK, {@code Sdk.current()}, null before
 *       {@code Sentry.init} and after {@code Sentry.close}: capture with a mechanism and a hint,
 *       fork and enter scopes, request sessions, outgoing trace headers, flush.
 *   <li>{@link io.sentryj.integration.ScopeFork}: scopes of one unit of work (a request, a job, a
 *       task on another thread), entered on each thread it visits.
 *   <li>{@link io.sentryj.integration.LogCapture}, {@link io.sentryj.integration.LogRecordData},
 *       {@link io.sentryj.integration.LogLevel}: a logging library's records as events, breadcrumbs
 *       and structured logs, with the one rule for which records are the SDK's own.
 *   <li>{@link io.sentryj.integration.LogMessages}: what every logging integration reads alike (a
 *       {@code java.util.logging} message's formatting, a message's parameters, a call's stack).
 *   <li>{@link io.sentryj.integration.SharedSdk}: the running SDK, or one started from a logging
 *       module's settings and shared by the modules until the last releases it.
 *   <li>{@link io.sentryj.integration.TextOptions}: options by their {@code sentry.properties}
 *       keys, for integrations configured from text (an appender's XML, agent arguments).
 *   <li>{@link io.sentryj.integration.SdkDiagnostics}: the SDK's own diagnostics, never captured.
 *   <li>{@link io.sentryj.integration.EnvelopeCodec}, {@link io.sentryj.integration.Outbox}, {@link
 *       io.sentryj.integration.SentryDsn}: envelopes as bytes, the outbox on disk, a DSN printed
 *       without its secret; for tools and custom transports.
 * </ul>
 *
 * <p>Modelled on OpenTelemetry's API/SDK split: integrations see small interfaces and values; the
 * SDK implements them in {@code io.sentryj.internal}, which may change in any release.
 */
@NullMarked
package io.sentryj.integration;

import org.jspecify.annotations.NullMarked;
