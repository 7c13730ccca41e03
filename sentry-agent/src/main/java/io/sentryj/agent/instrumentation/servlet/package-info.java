/**
 * Instrumentation {@code servlet}: every HTTP request of a {@code javax.servlet} or {@code
 * jakarta.servlet} application runs in the servlet module's request scope, with no filter to
 * register.
 */
@NullMarked
package io.sentryj.agent.instrumentation.servlet;

import org.jspecify.annotations.NullMarked;
