package org.crmkit.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;

import org.crmkit.core.Crm;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.junit.jupiter.api.Test;

/** The certificate says what ran and nothing more; no event links a customer to its anonymous id; exports read. */
class ErasureCertificateAndExportVersionTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-06-01T08:00:00Z"));
    private final List<CrmEvent> events = new ArrayList<>();

    @Test
    void aCustomerWithNoHistoryAndNoParticipantsGetsACertificateOfTheProfileAlone() {
        Crm crm = Crm.builder().clock(clock).listener(events::add).build();
        CustomerId id = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))).id();
        ErasureCertificate cert = crm.erase(id);
        assertEquals(1, cert.erased().size(), cert.erased().toString());
        assertTrue(cert.erased().get(0).startsWith("profile:"), cert.erased().toString());
        assertEquals(List.of(), cert.kept());
    }

    @Test
    void noEventCarriesTheAnonymousIdOfAnErasedCustomer() {
        Crm crm = Crm.builder().clock(clock).listener(events::add).build();
        CustomerId id = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))).id();
        crm.erase(id);
        for (CrmEvent e : events) {
            assertTrue(!CrmJson.write(e, CrmEvent.class).contains("erased-"), "an event links the ids: " + e);
        }
        assertEquals(List.of(CrmEvent.CustomerCreated.class, CrmEvent.CustomerErased.class),
                events.stream().map(Object::getClass).toList());
    }

    @Test
    void contributorsAddNamedSectionsAndAVersionOneDocumentStillReads() {
        ExportContributor orders = new ExportContributor() {
            @Override
            public String section() {
                return "orders";
            }

            @Override
            public Optional<tools.jackson.databind.JsonNode> export(CustomerId customer) {
                return Optional.of(JsonNodeFactory.instance.objectNode().put("count", 3));
            }
        };
        Crm crm = Crm.builder().clock(clock).exportContributor(orders).build();
        Customer mei = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin")));
        CustomerExport export = crm.export(mei.id());
        assertEquals(3, export.sections().get("orders").get("count").asInt());
        assertEquals(export, CrmJson.read(CrmJson.write(export), CustomerExport.class));

        String v1 = CrmJson.write(export).replace(CustomerExport.FORMAT, CustomerExport.FORMAT_1)
                .replaceAll("(?s),\\s*\"sections\" : \\{.*?\\}\\s*\\}\\s*(\\})\\s*$", "\n$1");
        CustomerExport old = CrmJson.read(v1, CustomerExport.class);
        assertEquals(CustomerExport.FORMAT_1, old.format());
        assertEquals(Map.of(), old.sections());
        assertEquals(mei, old.customer());
        assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                CrmJson.write(export).replace(CustomerExport.FORMAT, "crmkit-customer-export/3"), CustomerExport.class));
        assertThrows(RuleViolationException.class, () -> Crm.builder().exportContributor(orders)
                .exportContributor(orders));
    }
}
