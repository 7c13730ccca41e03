/**
 * Internal: how a {@code javax.servlet} request is entered, read, wrapped and ended, for the filter
 * and the agent alike, over the namespace-neutral {@link io.sentryj.servlet.internal}. Not API; may
 * change in any release.
 */
@NullMarked
package io.sentryj.servlet.javax.internal;

import org.jspecify.annotations.NullMarked;
