/** Memberships: {@link org.crmkit.loyalty.member.Member}, its number, status and tier history. */
@NullMarked
package org.crmkit.loyalty.member;

import org.jspecify.annotations.NullMarked;
