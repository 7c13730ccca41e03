/** Instrumentation {@code uncaught}: exceptions that end a thread, whatever handler is set. */
@NullMarked
package io.sentryj.agent.instrumentation.uncaught;

import org.jspecify.annotations.NullMarked;
