package org.crmkit.core.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

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
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run; the README must show exactly these lines. */
class ReadmeExampleTest {

    @Test
    void theEmbeddingExampleRunsAndTheReadmeShowsIt() throws IOException {
        // README:begin
        Crm crm = Crm.inMemory();
        Customer guest = crm.createCustomer(b -> b
                .name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(PhoneNumber.of("+1 213 555 0142"))));

        PreferenceKey food = PreferenceKey.of("dining", "food");
        crm.recordPreference(guest.id(), Preference.observed(food, "garlic", Polarity.AVOIDS, 0.9,
                Instant.now(), LocationId.of("los-angeles"), StaffId.of("waiter-7")));
        crm.recordConsent(guest.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.SMS, Instant.now(), "web"));

        // Another branch, another day: look the guest up by phone.
        Customer found = crm.customers().findByContact(PhoneNumber.of("+12135550142")).get(0);
        boolean noGarlic = found.effectivePreferences().isAverseTo(food, "garlic");          // true
        boolean maySms = crm.mayContact(found.id(), Purpose.MARKETING, Channel.SMS, Instant.now()); // true
        // README:end

        assertTrue(noGarlic);
        assertTrue(maySms);
        List<String> snippet = snippet();
        String readme = normalise(Files.readAllLines(readme()));
        assertTrue(readme.contains(normalise(snippet)), "README.md must show the example of " + getClass());
    }

    private static List<String> snippet() throws IOException {
        Path source = Path.of("src/test/java/org/crmkit/core/readme/ReadmeExampleTest.java");
        List<String> lines = Files.readAllLines(source);
        int begin = lines.indexOf("        // README:begin");
        int end = lines.indexOf("        // README:end");
        return lines.subList(begin + 1, end);
    }

    private static Path readme() {
        Path here = Path.of("README.md");
        return Files.exists(here) ? here : Path.of("../README.md");
    }

    private static String normalise(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
