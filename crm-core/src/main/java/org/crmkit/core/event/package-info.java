/**
 * Domain events, published to registered listeners after a write has succeeded.
 */
@NullMarked
package org.crmkit.core.event;

import org.jspecify.annotations.NullMarked;
