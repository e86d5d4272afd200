/**
 * Data rights and contact permissions: the contact policy that answers whether a customer may be contacted and
 * why not, erasure with a certificate, portability exports, and pseudonymised, k-anonymous partner exports (C1,
 * C8, C11).
 */
@NullMarked
package org.crmkit.core.privacy;

import org.jspecify.annotations.NullMarked;
