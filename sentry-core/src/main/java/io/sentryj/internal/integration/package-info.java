/**
 * Internal: Integrations in core: uncaught exception handler, shutdown hook. Not API; may change in
 * any release.
 */
@NullMarked
package io.sentryj.internal.integration;

import org.jspecify.annotations.NullMarked;
