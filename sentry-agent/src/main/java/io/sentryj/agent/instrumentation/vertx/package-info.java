/**
 * Instrumentation {@code vertx}: what a Vert.x Web server without servlets (Quarkus REST, Vert.x
 * Web) logs while it handles a request's failure carries the request's data.
 */
@NullMarked
package io.sentryj.agent.instrumentation.vertx;

import org.jspecify.annotations.NullMarked;
