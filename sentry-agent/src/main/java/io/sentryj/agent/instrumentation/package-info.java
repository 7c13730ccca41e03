/** What every instrumentation is; one package per instrumentation below this one. */
@NullMarked
package io.sentryj.agent.instrumentation;

import org.jspecify.annotations.NullMarked;
