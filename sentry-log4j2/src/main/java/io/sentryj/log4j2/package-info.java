/**
 * The Log4j 2 integration: {@link io.sentryj.log4j2.SentryAppender}, the {@code Sentry} plugin of
 * {@code log4j2.xml}, turns error logs into events, lower logs into breadcrumbs and, when enabled,
 * logs into Sentry's structured logs.
 */
@NullMarked
package io.sentryj.log4j2;

import org.jspecify.annotations.NullMarked;
