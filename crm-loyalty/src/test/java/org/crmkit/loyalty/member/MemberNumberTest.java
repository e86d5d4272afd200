package org.crmkit.loyalty.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

class MemberNumberTest {
    @Test
    void equalWhenTheNumbersAre() {
        new EqualsTester()
                .addEqualityGroup(MemberNumber.of("M-1"), new MemberNumber("M-1"), MemberNumber.of(new String("M-1")))
                .addEqualityGroup(MemberNumber.of("M-2"))
                .addEqualityGroup(MemberNumber.of("M-10"))
                .testEquals();
    }

    @Test
    void hashesAsItsText() {
        // Maps keyed by numbers keep their order and buckets whether a number was made here or read back.
        assertEquals("M1000042".hashCode(), MemberNumber.of("M1000042").hashCode());
    }

    @Test
    void ordersByItsText() {
        TreeSet<MemberNumber> sorted = new TreeSet<>(List.of(MemberNumber.of("M-2"), MemberNumber.of("M-10"),
                MemberNumber.of("A01")));
        assertEquals(List.of("A01", "M-10", "M-2"), sorted.stream().map(MemberNumber::value).toList());
        assertEquals("M-2", MemberNumber.of("M-2").toString());
    }

    @Test
    void refusesWhatIsNotANumber() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> MemberNumber.of("m-1"));
        assertTrue(e.getMessage().contains("member number") && e.getMessage().contains("m-1"), e.getMessage());
        assertThrows(RuleViolationException.class, () -> MemberNumber.of("-AB"));
        assertThrows(RuleViolationException.class, () -> MemberNumber.of("AB"));
        assertThrows(RuleViolationException.class, () -> MemberNumber.of("A".repeat(33)));
        new NullPointerTester().testAllPublicConstructors(MemberNumber.class);
        new NullPointerTester().testAllPublicStaticMethods(MemberNumber.class);
    }

    @Test
    void refusesACardNumber() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> MemberNumber.of("4111111111111111"));
        assertTrue(!e.getMessage().contains("4111111111111111"), e.getMessage());
    }
}
