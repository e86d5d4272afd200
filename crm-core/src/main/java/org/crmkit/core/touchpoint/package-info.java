/** Touchpoints: every interaction with a customer, on every channel (C1, C3, C7, C8, C9, C11). */
@NullMarked
package org.crmkit.core.touchpoint;

import org.jspecify.annotations.NullMarked;
