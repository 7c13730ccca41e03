/**
 * Internal: Building events: exceptions and causes, frames and in-app, threads, OS and runtime
 * contexts, host name. Not API; may change in any release.
 */
@NullMarked
package io.sentryj.internal.event;

import org.jspecify.annotations.NullMarked;
