/** The sentryj API: {@link io.sentryj.Sentry} and the types it hands out. */
@NullMarked
package io.sentryj;

import org.jspecify.annotations.NullMarked;
