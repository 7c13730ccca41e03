/**
 * Servlet integration: each request runs in its own isolation scope, exceptions escaping the filter
 * chain are reported with the request that caused them, and undeploying a web application that
 * started the SDK stops it.
 *
 * <p>In a Servlet 3.0+ container the filter registers itself through a {@code
 * ServletContainerInitializer}, for {@code javax.servlet} ({@link
 * io.sentryj.servlet.javax.SentryFilter}) and {@code jakarta.servlet} ({@link
 * io.sentryj.servlet.jakarta.SentryFilter}) alike. To register it yourself instead, turn the
 * automatic registration off with the context parameter {@code io.sentryj.servlet.auto=false} (in
 * {@code web.xml}) or the system property {@code sentryj.servlet.auto=false}.
 */
@NullMarked
package io.sentryj.servlet;

import org.jspecify.annotations.NullMarked;
