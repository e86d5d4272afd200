/** In-memory implementations of the loyalty storage SPI, for tests, demos and embedded use. */
@NullMarked
package org.crmkit.loyalty.memory;

import org.jspecify.annotations.NullMarked;
