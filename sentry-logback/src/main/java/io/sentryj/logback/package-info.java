/**
 * The Logback integration: {@link io.sentryj.logback.SentryAppender} turns error logs into events,
 * lower logs into breadcrumbs and, when enabled, logs into Sentry's structured logs.
 */
@NullMarked
package io.sentryj.logback;

import org.jspecify.annotations.NullMarked;
