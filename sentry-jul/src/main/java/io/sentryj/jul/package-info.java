/**
 * The {@code java.util.logging} integration: {@link io.sentryj.jul.SentryHandler} turns severe logs
 * into events, lower logs into breadcrumbs and, when enabled, logs into Sentry's structured logs.
 */
@NullMarked
package io.sentryj.jul;

import org.jspecify.annotations.NullMarked;
