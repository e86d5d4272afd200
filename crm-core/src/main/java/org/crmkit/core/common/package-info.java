/**
 * Value types shared by every feature of crmkit: money, channels, staff and location ids, typed attribute
 * values and time windows.
 */
@NullMarked
package org.crmkit.core.common;

import org.jspecify.annotations.NullMarked;
