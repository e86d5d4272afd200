/** JSON for crm-segmentation's public types. */
@NullMarked
package org.crmkit.segmentation.json;

import org.jspecify.annotations.NullMarked;
