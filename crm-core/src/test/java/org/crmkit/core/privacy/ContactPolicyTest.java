package org.crmkit.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.crmkit.core.Crm;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {
    /** Monday 2026-03-02, 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final ContactPolicy POLICY = new ContactPolicy(new QuietHours(LocalTime.of(21, 0),
            LocalTime.of(8, 0)), ZoneOffset.UTC, List.of(new FrequencyCap(Purpose.MARKETING, 2, Duration.ofDays(7))));

    private final Crm crm = Crm.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

    private Customer owner() {
        return crm.createCustomer(b -> b.name(Name.person("Wei", "Zhang")).timeZone(ZoneId.of("Asia/Shanghai")));
    }

    private void contacted(CustomerId id, int n, Instant at, Channel channel) {
        crm.recordTouchpoint(Touchpoint.builder().id(TouchpointId.of("out-" + n)).customerId(id).occurredAt(at)
                .channel(channel).direction(Direction.OUTBOUND).kind(TouchpointKind.of("offer"))
                .attributes(Map.of(ContactPolicy.PURPOSE_ATTRIBUTE, AttributeValue.text("marketing"))).build());
    }

    private static List<ContactDecision.Kind> kinds(ContactDecision d) {
        return d.refusals().stream().map(ContactDecision.Refusal::kind).toList();
    }

    @Test
    @DisplayName("C11: a car owner who called the hotline is not contacted again until they give permission")
    void permissionBeforeContact() {
        Customer owner = owner();
        ContactDecision before = crm.mayContact(owner.id(), Purpose.FOLLOW_UP, Channel.PHONE, T0, POLICY);
        assertEquals(List.of(ContactDecision.Kind.NO_CONSENT), kinds(before));
        assertEquals("no consent recorded for follow-up by phone", before.refusals().get(0).detail());
        crm.recordConsent(owner.id(), ConsentRecord.grant(Purpose.FOLLOW_UP, Channel.PHONE, T0, "hotline"));
        assertTrue(crm.mayContact(owner.id(), Purpose.FOLLOW_UP, Channel.PHONE, T0, POLICY).allowed());
    }

    @Test
    void aWithdrawalTakesEffectAtOnce() {
        Customer owner = owner();
        crm.recordConsent(owner.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.SMS, T0, "web"));
        crm.recordConsent(owner.id(), ConsentRecord.withdraw(Purpose.MARKETING, Channel.SMS, T0.plusSeconds(60),
                "sms-stop"));
        ContactDecision d = crm.mayContact(owner.id(), Purpose.MARKETING, Channel.SMS, T0.plusSeconds(60), POLICY);
        assertEquals(List.of(ContactDecision.Kind.NO_CONSENT), kinds(d));
        assertTrue(d.refusals().get(0).detail().contains("withdrawn at 2026-03-02T02:01:00Z"));
    }

    @Test
    void quietHoursAreTheCustomersOwn_andEveryReasonIsReported() {
        Customer owner = owner();
        crm.recordPreference(owner.id(), Preference.stated(ContactPolicy.CHANNEL, "sms", Polarity.AVOIDS, T0));
        Instant lateInShanghai = Instant.parse("2026-03-02T14:30:00Z"); // 22:30 in Shanghai, 14:30 in UTC
        ContactDecision d = crm.mayContact(owner.id(), Purpose.MARKETING, Channel.SMS, lateInShanghai, POLICY);
        assertEquals(List.of(ContactDecision.Kind.NO_CONSENT, ContactDecision.Kind.CHANNEL_AVOIDED,
                ContactDecision.Kind.QUIET_HOURS), kinds(d));
        assertEquals("it is 22:30 in Asia/Shanghai, within quiet hours 21:00-08:00", d.refusals().get(2).detail());
    }

    @Test
    void atMostTwoMarketingContactsAWeek_acrossChannels() {
        Customer owner = owner();
        crm.recordConsent(owner.id(), new ConsentRecord(Purpose.MARKETING, null,
                org.crmkit.core.consent.ConsentStatus.GRANTED, T0.minus(Duration.ofDays(30)), "web"));
        contacted(owner.id(), 1, T0.minus(Duration.ofDays(8)), Channel.EMAIL);
        contacted(owner.id(), 2, T0.minus(Duration.ofDays(5)), Channel.EMAIL);
        assertTrue(crm.mayContact(owner.id(), Purpose.MARKETING, Channel.SMS, T0, POLICY).allowed(),
                "one contact in the last week, the other is older");
        contacted(owner.id(), 3, T0.minus(Duration.ofDays(1)), Channel.SMS);
        ContactDecision d = crm.mayContact(owner.id(), Purpose.MARKETING, Channel.EMAIL, T0, POLICY);
        assertEquals(List.of(ContactDecision.Kind.FREQUENCY_CAP), kinds(d));
        assertEquals("2 marketing contacts in the last PT168H, at most 2 allowed", d.refusals().get(0).detail());
        assertTrue(crm.mayContact(owner.id(), Purpose.MARKETING, Channel.EMAIL, T0.plus(Duration.ofDays(3)), POLICY)
                .allowed(), "the cap is a sliding window");
    }

    @Test
    void anUnknownCustomerMayNotBeContacted() {
        assertEquals(List.of(ContactDecision.Kind.NO_CONSENT), kinds(crm.mayContact(CustomerId.of("ghost"),
                Purpose.MARKETING, Channel.EMAIL, T0, POLICY)));
    }
}
