/**
 * JSON for every public crm-core type: {@link org.crmkit.core.json.CrmJacksonModule} for a host's own
 * {@code ObjectMapper}, and {@link org.crmkit.core.json.CrmJson} for reading untrusted documents with limits and
 * clear errors.
 */
@NullMarked
package org.crmkit.core.json;

import org.jspecify.annotations.NullMarked;
