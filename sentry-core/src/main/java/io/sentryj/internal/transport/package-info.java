/**
 * Internal: Transports: the in-memory and no-op ones, and delivery over HTTP. Not API; may change
 * in any release.
 */
@NullMarked
package io.sentryj.internal.transport;

import org.jspecify.annotations.NullMarked;
