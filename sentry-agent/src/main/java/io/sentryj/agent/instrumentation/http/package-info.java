/** Instrumentation {@code http}: breadcrumbs for outgoing requests and trace headers on them. */
@NullMarked
package io.sentryj.agent.instrumentation.http;

import org.jspecify.annotations.NullMarked;
