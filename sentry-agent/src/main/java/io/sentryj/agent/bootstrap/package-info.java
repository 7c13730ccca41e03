/**
 * The bridge from advice inside JDK classes to the agent: the only classes of the agent on the
 * bootstrap class path. See {@link io.sentryj.agent} for the class-loader design.
 */
@NullMarked
package io.sentryj.agent.bootstrap;

import org.jspecify.annotations.NullMarked;
