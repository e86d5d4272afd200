package org.crmkit.modulecheck;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.unify.IdentityResolver;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;

/**
 * Run by {@link ModulePathTest} in a JVM of its own, from the class path, with crm-core on the module path: uses the
 * library as a host on the module path would, and fails with a message when the module descriptor is wrong.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        Module core = Crm.class.getModule();
        check(core.isNamed() && core.getName().equals("org.crmkit.core"), "crm-core is not the named module: " + core);
        check(!core.isExported("org.crmkit.core.internal"), "the internal package is exported");
        check(core.isExported("org.crmkit.core.spi"), "the SPI package is not exported");

        Crm crm = Crm.inMemory();
        Customer guest = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(PhoneNumber.of("+1 213 555 0142"))));
        crm.recordPreference(guest.id(), Preference.observed(PreferenceKey.of("dining", "food"), "garlic",
                Polarity.AVOIDS, 0.9, Instant.now(), LocationId.of("los-angeles"), StaffId.of("waiter-7")));
        crm.recordConsent(guest.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.SMS, Instant.now(), "web"));
        Customer stored = crm.customers().findById(guest.id()).orElseThrow();

        check(stored.equals(CrmJson.read(CrmJson.write(stored), Customer.class)), "CrmJson round trip differs");
        // The module's `provides` must let a host's mapper find the Jackson module by ServiceLoader.
        ObjectMapper host = JsonMapper.builder().findAndAddModules().build();
        check(stored.equals(host.readValue(host.writeValueAsString(stored), Customer.class)),
                "a host mapper's round trip differs");
        // Identity resolution reaches libphonenumber and Commons Text through the module's requires.
        check(PhoneNumber.of("020 7946 0958", "GB").value().equals("+442079460958"), "a national number misread");
        Customer twin = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(PhoneNumber.of("(213) 555-0142", "US"))));
        check(IdentityResolver.create().explain(stored, twin, IdentityResolver.create()
                .resolve(List.of(stored, twin)).model()).weight() > 0, "the twin profiles do not agree");
        System.out.println("module path: ok");
    }

    private static void check(boolean ok, String failure) {
        if (!ok) {
            throw new AssertionError(failure);
        }
    }
}
