/** The console sample: the sentryj API used by hand. */
@NullMarked
package io.sentryj.samples.console;

import org.jspecify.annotations.NullMarked;
