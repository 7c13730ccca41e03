/**
 * How the agent changes classes: a {@code ClassFileTransformer} that looks at each class's name
 * first, and weaves into the few that match plain static calls to the bootstrap bridges, with ASM
 * alone. No advice class is read, no type pool is built and no class is generated: a JVM pays for
 * it only when a class the agent hooks loads, a few microseconds each.
 *
 * <p>A {@link io.sentryj.agent.weave.Hook} names a type, a method and the calls to weave: one on
 * entry (which may replace an argument), one on every exit (the normal returns and, through a
 * handler around the whole body, a throw). The woven code keeps no state in the method: what an
 * entry begins, its bridge keeps per thread until the exit.
 */
@NullMarked
package io.sentryj.agent.weave;

import org.jspecify.annotations.NullMarked;
