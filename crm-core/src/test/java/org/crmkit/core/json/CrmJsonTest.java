package org.crmkit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.crmkit.core.Fixtures;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.touchpoint.Touchpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrmJsonTest {
    static final TypeReference<List<CrmEvent>> EVENTS = new TypeReference<>() {
    };

    @Test
    void events_matchTheDocumentedFormat() {
        String golden = golden("events.json");
        assertEquals(golden, CrmJson.mapper().writerFor(EVENTS).writeValueAsString(Fixtures.everyEvent()));
        assertEquals(Fixtures.everyEvent(), CrmJson.mapper().readValue(golden, EVENTS));
    }

    @Test
    void standard_matchesTheDocumentedFormat_withDaysSpelledAsEveryConstant() {
        String golden = golden("standard.json");
        assertEquals(golden, CrmJson.write(Fixtures.standard()));
        assertEquals(Fixtures.standard(), CrmJson.read(golden, ServiceLevelStandard.class));
        assertTrue(golden.contains("\"monday\" : [ \"09:00-17:00\" ]"), golden);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                golden.replace("\"monday\"", "\"MONDAY\""), ServiceLevelStandard.class));
        assertEquals("$.calendar.week.MONDAY", e.path(), e.getMessage());
        assertTrue(e.problem().startsWith("unknown field, expected one of [friday, monday,"), e.getMessage());
    }

    @Test
    void itemClock_matchesTheDocumentedFormat_keyAsOneString() {
        String golden = golden("item-clock.json");
        assertEquals(golden, CrmJson.write(Fixtures.itemClock()));
        assertEquals(Fixtures.itemClock(), CrmJson.read(golden, org.crmkit.core.servicelevel.ItemClock.class));
        assertTrue(golden.contains("\"key\" : \"touchpoint:rental-42\""), golden);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                golden.replace("touchpoint:rental-42", "ticket:rental-42"), org.crmkit.core.servicelevel.ItemClock.class));
        assertEquals("$.key", e.path(), e.getMessage());
    }

    @Test
    void mergeRecord_matchesTheDocumentedFormat_withBothProfilesAndTheParticipantsState() {
        String golden = golden("merge-record.json");
        assertEquals(golden, CrmJson.write(Fixtures.mergeRecord()));
        assertEquals(Fixtures.mergeRecord(), CrmJson.read(golden, org.crmkit.core.unify.MergeRecord.class));
        assertTrue(golden.contains("\"loyalty\" : {\n      \"moved\" : \"member-7\""), golden);
    }

    @Test
    void aHandWrittenReaderQuotesTheStartOfALongValueOnly() {
        InvalidDefinitionException e = TreeReader.problem("$.x", "must be a number",
                tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("y".repeat(50_000)));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().endsWith("... (50002 characters)"), e.getMessage());
    }

    @Test
    void privacyDocuments_matchTheDocumentedFormat() {
        assertEquals(golden("customer-export.json"), CrmJson.write(Fixtures.export()));
        assertEquals(Fixtures.export(), CrmJson.read(golden("customer-export.json"),
                org.crmkit.core.privacy.CustomerExport.class));
        assertEquals(golden("erasure-certificate.json"), CrmJson.write(Fixtures.certificate()));
        assertEquals(Fixtures.certificate(), CrmJson.read(golden("erasure-certificate.json"),
                org.crmkit.core.privacy.ErasureCertificate.class));
        assertEquals(golden("partner-data-set.json"), CrmJson.write(Fixtures.partnerData()));
        assertEquals(Fixtures.partnerData(), CrmJson.read(golden("partner-data-set.json"),
                org.crmkit.core.privacy.PartnerDataSet.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"lifecycleStage\" : \"customer\"|\"lifecycleStage\" : \"CUSTOMER\"|$.lifecycleStage"
            + "|must be one of [prospect, intent, customer, lapsed, former]: \"CUSTOMER\"",
        "\"tags\" :|\"tagz\" :|$.tagz|unknown field, expected one of [accountManager, addContactPoint,"
    })
    void jacksonsErrors_areWordedAsTheTreeReadersAre(String from, String to, String path, String problem) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(golden("customer.json").replace(from, to), Customer.class));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().startsWith(problem), e.getMessage());
    }

    @Test
    void documents_carryTheirFormatFirst_andAReaderRefusesAnother() {
        String customer = golden("customer.json");
        assertTrue(customer.startsWith("{\n  \"format\" : 1,"), customer);
        InvalidDefinitionException newer = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(customer.replace("\"format\" : 1", "\"format\" : 2"), Customer.class));
        assertTrue(newer.getMessage().contains("format must be 1"), newer.getMessage());
        InvalidDefinitionException missing = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(customer.replace("\"format\" : 1,", ""), Customer.class));
        assertTrue(missing.getMessage().contains("missing \"format\""), missing.getMessage());
        // Written by hand with the format last: still read.
        String last = customer.replace("\"format\" : 1,", "").replaceFirst("}\\s*$", ", \"format\" : 1 }");
        assertEquals(Fixtures.fullGuest(), CrmJson.read(last, Customer.class));
    }

    @Test
    void enumerations_haveOneSpelling() {
        String customer = golden("customer.json");
        assertTrue(customer.contains("\"lifecycleStage\" : \"customer\""), customer);
        assertTrue(customer.contains("\"polarity\" : \"avoids\""), customer);
        assertFalse(customer.matches("(?s).*\" : \"[A-Z_]{3,}\".*"), customer);
    }

    private static String golden(String name) {
        try (InputStream in = CrmJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void customer_matchesTheDocumentedFormat() {
        assertEquals(golden("customer.json"), CrmJson.write(Fixtures.fullGuest()));
        assertEquals(Fixtures.fullGuest(), CrmJson.read(golden("customer.json"), Customer.class));
    }

    @Test
    void touchpointAndCase_matchTheDocumentedFormat() {
        Touchpoint t = Fixtures.purchase("tp-1", Fixtures.fullGuest().id(), Fixtures.T0);
        assertEquals(golden("touchpoint.json"), CrmJson.write(t));
        assertEquals(t, CrmJson.read(golden("touchpoint.json"), Touchpoint.class));
        assertEquals(golden("service-case.json"), CrmJson.write(Fixtures.vanillaCase()));
        assertEquals(Fixtures.vanillaCase(), CrmJson.read(golden("service-case.json"), ServiceCase.class));
    }

    @Test
    void aHostMapper_findsTheModuleThroughServiceLoader() {
        ObjectMapper host = JsonMapper.builder().findAndAddModules().build();
        String json = host.writeValueAsString(Fixtures.fullGuest());
        assertEquals(Fixtures.fullGuest(), host.readValue(json, Customer.class));
        assertTrue(json.contains("\"createdAt\":\"2026-03-01T18:30:00Z\""), json);
    }

    @Test
    void events_carryTheirTypeName() {
        CrmEvent event = new CrmEvent.CustomerMerged(Fixtures.fullGuest().id(), Fixtures.fullGuest().id(),
                Fixtures.T0);
        String json = CrmJson.write(event, CrmEvent.class);
        assertTrue(json.contains("\"type\" : \"customer-merged\""), json);
        assertEquals(event, CrmJson.read(json, CrmEvent.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"person\",\"given\":\"A\"},\"createdAt\":7,\"contactPoints\":[{\"address\":{\"email\":\"x\"}}]}"
            + "|$.contactPoints[0].address|email must be of the form",
        "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"person\",\"given\":\"A\"},\"createdAt\":\"2026-01-01T00:00:00Z\",\"version\":\"new\"}"
            + "|$.version|",
        "{\"format\":1,\"id\":\"c\",\"createdAt\":\"2026-01-01T00:00:00Z\"}|$|missing required value name",
        "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"robot\",\"given\":\"A\"}}|$.name|",
        "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"person\",\"given\":\"A\"},\"createdAt\":\"2026-01-01T00:00:00Z\",\"shoeSize\":9}"
            + "|$.shoeSize|",
        "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"person\",\"given\":\"A\"},\"createdAt\":\"2026-01-01T00:00:00Z\",\"preferences\":[{\"key\":\"dining:food\",\"value\":\"garlic\",\"polarity\":\"avoids\",\"source\":\"stated\",\"confidence\":1.7,\"recordedAt\":\"2026-01-01T00:00:00Z\"}]}"
            + "|$.preferences[0]|confidence must be between 0 and 1: 1.7",
        "{\"format\":1,\"id\":\"c d\"}|$.id|customer id must be"
    })
    void invalidDocuments_failNamingThePath(String json, String path, String problem) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(json, Customer.class));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(problem == null ? "" : problem), e.getMessage());
    }

    @Test
    void malformedAndTrailingText_areRefused() {
        assertEquals("$", assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read("{\"id\":", Customer.class)).path());
        assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read("{\"email\":\"a@b.example\"} {}", ContactAddress.class));
        assertEquals(EmailAddress.of("a@b.example"), CrmJson.read("{\"email\":\"a@b.example\"}",
                ContactAddress.class));
    }

    @Test
    void absurdNesting_isRefusedBeforeItIsBuilt() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(deep, Object.class));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void absurdSize_isRefused() {
        String huge = "a".repeat(CrmJson.MAX_STRING_LENGTH + 1);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read("{\"id\":\"" + huge + "\"}", Customer.class));
        assertTrue(e.getMessage().contains("String value length"), e.getMessage());
    }

    @Test
    void aCardNumberInADocument_isRefusedAndNotRepeated() {
        String json = "{\"format\":1,\"id\":\"c\",\"name\":{\"type\":\"person\",\"given\":\"A\"},"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"notes\":[{\"topic\":\"general\","
                + "\"text\":\"card 4111 1111 1111 1111\",\"author\":\"s\",\"at\":\"2026-01-01T00:00:00Z\"}]}";
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(json, Customer.class));
        assertEquals("$.notes[0]", e.path());
        assertFalse(e.getMessage().contains("4111"), e.getMessage());
        assertTrue(e.getMessage().contains("note text must not contain a payment card number"), e.getMessage());
    }

    @Test
    void noDefaultTypingIsEnabled() {
        assertEquals(null, CrmJson.mapper().serializationConfig()
                .getDefaultTyper(CrmJson.mapper().constructType(Object.class)));
        assertEquals(null, CrmJson.mapper().deserializationConfig()
                .getDefaultTyper(CrmJson.mapper().constructType(Object.class)));
        // With default typing this would build a HashMap; without it, it is just a two-element list.
        assertEquals(List.of("java.util.HashMap", java.util.Map.of()),
                CrmJson.read("[\"java.util.HashMap\",{}]", Object.class));
    }
}
