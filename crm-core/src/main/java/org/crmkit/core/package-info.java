/**
 * The crmkit core: the {@link org.crmkit.core.Crm} facade and the exceptions every module throws.
 *
 * <p>All crmkit exceptions extend {@link org.crmkit.core.CrmException}, so a host can catch the library's
 * refusals in one place.
 */
@NullMarked
package org.crmkit.core;

import org.jspecify.annotations.NullMarked;
