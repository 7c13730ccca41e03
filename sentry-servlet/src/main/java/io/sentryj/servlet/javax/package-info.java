/**
 * The servlet integration for {@code javax.servlet} containers: each request runs in its own
 * isolation scope, exceptions escaping the filter chain are reported with the request that caused
 * them, and undeploying a web application that bundles and started the SDK stops it.
 *
 * <p>In a Servlet 3.0+ container {@link io.sentryj.servlet.javax.SentryServletContainerInitializer}
 * registers {@link io.sentryj.servlet.javax.SentryFilter} by itself. To register the filter
 * yourself instead, turn the automatic registration off with the context parameter {@code
 * io.sentryj.servlet.auto=false} (in {@code web.xml}) or the system property {@code
 * sentryj.servlet.auto=false}.
 *
 * <p>The integration for the other servlet namespace is generated from this package's source when
 * the module is built.
 */
@NullMarked
package io.sentryj.servlet.javax;

import org.jspecify.annotations.NullMarked;
