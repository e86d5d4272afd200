package org.crmkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;

/** The hand-written id and code checks accept exactly what their documented patterns match. */
class IdAndCodeProperties {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,127}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    @Provide
    Arbitrary<String> texts() {
        // Letters of both cases, digits, every allowed sign and some that are not, at lengths around the limits.
        Arbitrary<String> mixed = Arbitraries.strings().withChars("aZk09._:@/+- #\u00e9\n").ofMinLength(0)
                .ofMaxLength(130);
        Arbitrary<String> allowed = Arbitraries.strings().withChars("azk09._-:@/+Z").ofMinLength(0).ofMaxLength(130);
        return Arbitraries.oneOf(mixed, allowed)
                .edgeCases(c -> c.add("a".repeat(128)).add("a".repeat(129)).add("a".repeat(64)).add("a".repeat(65)));
    }

    @Property(tries = 3000)
    void idsAreTheDocumentedPattern(@ForAll("texts") String text) {
        assertEquals(ID.matcher(text).matches(), accepted(() -> Checks.id("id", text)), text);
    }

    @Property(tries = 3000)
    void codesAreTheDocumentedPattern(@ForAll("texts") String text) {
        assertEquals(CODE.matcher(text).matches(), accepted(() -> Checks.code("code", text)), text);
    }

    private static boolean accepted(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuleViolationException e) {
            return false;
        }
    }
}
