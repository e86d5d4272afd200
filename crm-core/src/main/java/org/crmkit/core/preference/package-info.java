/**
 * Preferences with their provenance, and the effective view that resolves conflicts between them (C1, C2, C5).
 */
@NullMarked
package org.crmkit.core.preference;

import org.jspecify.annotations.NullMarked;
