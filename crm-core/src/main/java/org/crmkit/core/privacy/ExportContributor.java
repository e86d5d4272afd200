package org.crmkit.core.privacy;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.customer.CustomerId;

/**
 * A part of the host or of another crmkit module that holds personal data about customers and adds it to their
 * portability export ({@code Crm.export}) as a named section of JSON. crm-loyalty contributes memberships, ledger
 * entries and statements; a host might contribute its order history.
 */
public interface ExportContributor {

    /**
     * The section's name in the export, such as {@code "loyalty"}: letters, digits and hyphens, unique among a
     * facade's contributors.
     *
     * @return the name
     */
    String section();

    /**
     * What this contributor holds about the customer.
     *
     * @param customer the customer
     * @return the section's content, or empty when the contributor holds nothing about the customer
     */
    Optional<JsonNode> export(CustomerId customer);
}
