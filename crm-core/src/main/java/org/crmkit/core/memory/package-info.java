/**
 * Thread-safe in-memory repositories: crmkit's embedded default, and the reference the contract kit compares
 * other adapters with.
 */
@NullMarked
package org.crmkit.core.memory;

import org.jspecify.annotations.NullMarked;
