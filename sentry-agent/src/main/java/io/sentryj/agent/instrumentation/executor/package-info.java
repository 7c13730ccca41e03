/** Instrumentation {@code executor}: scopes carried across threads, pools and virtual threads. */
@NullMarked
package io.sentryj.agent.instrumentation.executor;

import org.jspecify.annotations.NullMarked;
