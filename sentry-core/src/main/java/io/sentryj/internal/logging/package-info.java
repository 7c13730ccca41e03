/**
 * Internal: log records of any logging library (Logback, Log4j 2, {@code java.util.logging}) as
 * Sentry events, breadcrumbs and structured logs; the mapping written once for the appenders and
 * the agent. Knows no logging library's types. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.internal.logging;

import org.jspecify.annotations.NullMarked;
