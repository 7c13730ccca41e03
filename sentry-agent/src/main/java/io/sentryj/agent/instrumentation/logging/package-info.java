/**
 * Instrumentations {@code logback}, {@code log4j2} and {@code jul}: log records become events and
 * breadcrumbs with no logging configuration, through the core's log record mapping.
 */
@NullMarked
package io.sentryj.agent.instrumentation.logging;

import org.jspecify.annotations.NullMarked;
