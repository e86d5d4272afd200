package org.crmkit.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Consents;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.StatusChange;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.kit.CrmArbitraries;

/** Every public crm-core type reads back equal from the JSON it writes. */
class JsonRoundTripProperties {

    private static <T> void roundTrip(T value, Class<? super T> type) {
        String json = CrmJson.write(value, type);
        assertEquals(value, CrmJson.read(json, type), json);
        assertEquals(json, CrmJson.write(CrmJson.read(json, type), type), "writing is deterministic");
    }

    @Property(tries = 300)
    void customers(@ForAll("customer") Customer c) {
        roundTrip(c, Customer.class);
        roundTrip(c.effectivePreferences(), EffectivePreferences.class);
        roundTrip(c.consents(), Consents.class);
        roundTrip(new CrmEvent.CustomerUpdated(c, c.withVersion(c.version() + 1), c.createdAt()), CrmEvent.class);
    }

    @Property(tries = 300)
    void touchpoints(@ForAll("touchpoint") Touchpoint t) {
        roundTrip(t, Touchpoint.class);
        roundTrip(new CrmEvent.TouchpointRecorded(t, t.occurredAt()), CrmEvent.class);
    }

    @Property(tries = 300)
    void serviceCases(@ForAll("serviceCase") ServiceCase c) {
        roundTrip(c, ServiceCase.class);
        for (StatusChange change : c.history()) {
            roundTrip(change, StatusChange.class);
            roundTrip(new CrmEvent.CaseStatusChanged(c.customerId(), c.id(), change.from(), change.to(),
                    change.at()), CrmEvent.class);
        }
    }

    @Property
    void values(@ForAll("preference") Preference p, @ForAll("consent") ConsentRecord r,
                @ForAll("contactPoint") ContactPoint cp, @ForAll("money") Money m,
                @ForAll("attributeValue") AttributeValue v) {
        roundTrip(p, Preference.class);
        roundTrip(r, ConsentRecord.class);
        roundTrip(cp, ContactPoint.class);
        roundTrip(cp.address(), ContactAddress.class);
        roundTrip(m, Money.class);
        roundTrip(v, AttributeValue.class);
        roundTrip(new CrmEvent.PreferenceRecorded(org.crmkit.core.customer.CustomerId.of("c"), p, p.recordedAt()),
                CrmEvent.class);
        roundTrip(new CrmEvent.ConsentChanged(org.crmkit.core.customer.CustomerId.of("c"), r, r.at()),
                CrmEvent.class);
    }

    @Example
    void everyArbitraryTypeIsCovered() {
        for (Map.Entry<Class<?>, Arbitrary<?>> e : CrmArbitraries.byType().entrySet()) {
            Object sample = e.getValue().sample();
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) e.getKey();
            roundTrip(sample, type);
        }
    }

    @Provide
    Arbitrary<Customer> customer() {
        return CrmArbitraries.customers();
    }

    @Provide
    Arbitrary<Touchpoint> touchpoint() {
        return CrmArbitraries.touchpoints();
    }

    @Provide
    Arbitrary<ServiceCase> serviceCase() {
        return CrmArbitraries.serviceCases();
    }

    @Provide
    Arbitrary<Preference> preference() {
        return CrmArbitraries.preferences();
    }

    @Provide
    Arbitrary<ConsentRecord> consent() {
        return CrmArbitraries.consents();
    }

    @Provide
    Arbitrary<ContactPoint> contactPoint() {
        return CrmArbitraries.contactPoints();
    }

    @Provide
    Arbitrary<Money> money() {
        return CrmArbitraries.money();
    }

    @Provide
    Arbitrary<AttributeValue> attributeValue() {
        return CrmArbitraries.attributeValues();
    }
}
