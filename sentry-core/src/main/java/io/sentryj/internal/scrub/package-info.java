/** Internal: which keys and values are sensitive. Not API; may change in any release. */
@NullMarked
package io.sentryj.internal.scrub;

import org.jspecify.annotations.NullMarked;
