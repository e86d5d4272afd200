package org.crmkit.segmentation.rule;

import java.util.Collection;

/**
 * Contributes facts to the rule language from outside crm-segmentation, such as a loyalty member's tier. Add one
 * with {@link FactCatalog.Builder#add(FactProvider)}, or list it in
 * {@code META-INF/services/org.crmkit.segmentation.rule.FactProvider} for {@link FactCatalog#installed()}.
 */
@FunctionalInterface
public interface FactProvider {
    /** {@return the facts contributed; their names must not clash with others in the catalog} */
    Collection<FactDefinition> facts();
}
