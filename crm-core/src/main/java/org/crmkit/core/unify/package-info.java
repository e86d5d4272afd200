/**
 * Profile unification (C10): finding candidate duplicates and merging two profiles with explicit survivorship
 * rules.
 */
@NullMarked
package org.crmkit.core.unify;

import org.jspecify.annotations.NullMarked;
