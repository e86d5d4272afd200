/**
 * What a customer allowed, by purpose and channel, with full history: a withdrawal is a new record, never a
 * deletion (C1, C8, C11).
 */
@NullMarked
package org.crmkit.core.consent;

import org.jspecify.annotations.NullMarked;
