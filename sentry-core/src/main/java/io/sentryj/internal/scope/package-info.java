/**
 * Internal: Scope storage: thread-local scopes, forking, propagation context, carrying scopes
 * across threads. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.internal.scope;

import org.jspecify.annotations.NullMarked;
