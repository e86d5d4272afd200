package org.crmkit.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.privacy.CustomerExport;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.BusinessHours;
import org.crmkit.core.servicelevel.EscalationStep;
import org.crmkit.core.servicelevel.OpeningHours;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.kit.CrmArbitraries;

/**
 * Random and mutated documents thrown at every reader: each either parses to a valid value or fails with the
 * library's own {@link InvalidDefinitionException}, never another exception type.
 */
class JsonFuzzProperties {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A valid document and the type to read it as. */
    record Document(Class<?> type, String json) {
    }

    @Provide
    Arbitrary<Document> documents() {
        ServiceLevelStandard standard = ServiceLevelStandard.builder().id(StandardId.of("s")).name("Standard")
                .startOn("opened").stopOn("resolved").pauseOn("waiting").resumeOn("replied")
                .target(Duration.ofHours(8)).escalation(List.of(new EscalationStep(Duration.ofHours(2), "notify")))
                .calendar(BusinessHours.weekdays(java.time.ZoneId.of("Europe/Berlin"),
                        OpeningHours.parse("09:00-17:00"))).build();
        return Arbitraries.oneOf(
                CrmArbitraries.customers().map(c -> new Document(Customer.class, CrmJson.write(c))),
                CrmArbitraries.touchpoints().map(t -> new Document(Touchpoint.class, CrmJson.write(t))),
                CrmArbitraries.serviceCases().map(c -> new Document(ServiceCase.class, CrmJson.write(c))),
                CrmArbitraries.customers().map(c -> new Document(CustomerExport.class, CrmJson.write(
                        new CustomerExport(CustomerExport.FORMAT, Instant.EPOCH, c, List.of(), List.of(), Map.of())))),
                Arbitraries.just(new Document(ServiceLevelStandard.class, CrmJson.write(standard))));
    }

    @Property(tries = 1500)
    void mutatedDocumentsParseValidOrFailWithTheLibrarysException(@ForAll("documents") Document doc,
                                                                  @ForAll Random random) throws Exception {
        String mutated = mutate(doc.json(), random);
        try {
            Object value = Budget.within("a mutated " + doc.type().getSimpleName(),
                    () -> CrmJson.read(mutated, doc.type()));
            // What parses is a valid value: it writes and reads back to itself.
            assertEquals(value, CrmJson.read(CrmJson.write(value, doc.type()), doc.type()));
        } catch (InvalidDefinitionException expected) {
            // The library's own refusal, which never repeats a card number it was given.
            assertFalse(expected.getMessage().contains("4111 1111 1111 1111"), expected.getMessage());
            assertFalse(String.valueOf(expected.getCause()).contains("4111 1111 1111 1111"), "cause repeats it");
        } catch (RuntimeException e) {
            fail("reading " + doc.type().getSimpleName() + " threw " + e + " for\n" + mutated, e);
        }
    }

    @Property(tries = 300)
    void aRefusedProfileLeavesTheRepositoryAsItWas(@ForAll("customerDocuments") String json,
                                                   @ForAll Random random) {
        InMemoryCustomerRepository repository = new InMemoryCustomerRepository();
        String mutated = mutate(json, random);
        long before = repository.count();
        try {
            repository.save(Budget.within("a mutated profile", () -> CrmJson.read(mutated, Customer.class)));
            assertEquals(before + 1, repository.count());
        } catch (InvalidDefinitionException expected) {
            assertEquals(before, repository.count());
        } catch (org.crmkit.core.CrmException refusedByTheStore) {
            assertEquals(before, repository.count());
        }
    }

    /** Leaves the largest costs seen in target/json-fuzz-budget.txt, for the record (BENCHMARKS.md cites it). */
    @net.jqwik.api.lifecycle.AfterContainer
    static void recordTheLargestCosts() throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "json-fuzz-budget.txt"),
                "most allocated by one read: " + Budget.MOST_BYTES.get() / 1024 + " KB\n"
                        + "most CPU of one read: " + Budget.MOST_CPU_NANOS.get() / 1_000_000 + " ms\n");
    }

    /**
     * Documents shaped to cost: long arrays of every collection a profile has, numbers with huge exponents, the
     * longest strings, deep nesting; each within the 10 MB the reader takes.
     */
    @Provide
    Arbitrary<String> hostileShapes() {
        String golden = CrmJson.write(CrmArbitraries.customers().sample());
        Arbitrary<String> field = Arbitraries.of("tags", "notes", "preferences", "consents", "externalIds",
                "contactPoints", "mergedFrom", "specialDates", "agreements", "keyContacts");
        Arbitrary<Integer> count = Arbitraries.integers().between(1_000, 400_000);
        Arbitrary<String> arrays = net.jqwik.api.Combinators.combine(field, count).as((f, n) -> {
            String item = f.equals("tags") || f.equals("mergedFrom") ? "\"a\"" : "{}";
            String array = "[" + (item + ",").repeat(n - 1) + item + "]";
            return "{\"" + f + "\":" + array + "," + golden.substring(1);
        });
        Arbitrary<String> numbers = Arbitraries.of("1e999999999", "-1E+2147483647", "1e-999999999", "9".repeat(99))
                .map(n -> golden.replaceFirst("\"attributes\" : \\{", "\"attributes\" : { \"n\" : " + n + ","));
        Arbitrary<String> deep = Arbitraries.integers().between(60, 100_000)
                .map(d -> "[".repeat(d) + "]".repeat(d));
        Arbitrary<String> longText = Arbitraries.integers().between(99_000, 101_000)
                .map(n -> golden.replaceFirst("\"attributes\" : \\{", "\"attributes\" : { \"t\" : \""
                        + "x".repeat(n) + "\","));
        return Arbitraries.oneOf(arrays, numbers, deep, longText);
    }

    @Property(tries = 200)
    void costlyShapesAreReadOrRefusedWithinTheBudget(@ForAll("hostileShapes") String document) {
        try {
            Customer read = Budget.within("a costly shape", () -> CrmJson.read(document, Customer.class));
            assertEquals(read, CrmJson.read(CrmJson.write(read), Customer.class));
        } catch (InvalidDefinitionException expected) {
            // refused by field, size or limit
        }
    }

    @Provide
    Arbitrary<String> customerDocuments() {
        return CrmArbitraries.customers().map(CrmJson::write);
    }

    @Property(tries = 300)
    void randomTextIsRefusedCleanly(@ForAll("noise") String text) {
        for (Class<?> type : List.of(Customer.class, Touchpoint.class, ServiceCase.class, ServiceLevelStandard.class,
                CustomerExport.class)) {
            try {
                Budget.within("noise as " + type.getSimpleName(), () -> CrmJson.read(text, type));
            } catch (InvalidDefinitionException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("reading " + type.getSimpleName() + " threw " + e + " for " + text, e);
            }
        }
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsn \\u\t\nabc").ofMaxLength(60);
    }

    // Mutations of a JSON tree.

    private static String mutate(String json, Random random) {
        JsonNode root = TREE.readTree(json);
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            root = mutateOnce(root, random);
        }
        String text = TREE.writeValueAsString(root);
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> {
                int at = random.nextInt(text.length() + 1);
                yield text.substring(0, at) + "\u0000\"[{" + text.substring(at);
            }
            default -> text;
        };
    }

    private static JsonNode mutateOnce(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            names.addAll(o.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, randomValue(random));
                case 2 -> o.set(name + "x", randomValue(random));
                default -> o.set(name, NODES.nullNode());
            }
        } else if (target instanceof ArrayNode a) {
            if (a.size() > 0 && random.nextBoolean()) {
                a.set(random.nextInt(a.size()), randomValue(random));
            } else {
                a.add(randomValue(random));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            for (JsonNode child : node) {
                collect(child, out);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.stringNode("");
            case 1 -> NODES.stringNode("4111 1111 1111 1111");
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(-1.5e300);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add(NODES.objectNode());
            case 6 -> {
                JsonNode deep = NODES.arrayNode();
                for (int i = 0; i < 100; i++) {
                    deep = NODES.arrayNode().add(deep);
                }
                yield deep;
            }
            case 7 -> NODES.stringNode("2026-13-45T99:00:00Z");
            default -> NODES.stringNode("x".repeat(random.nextInt(300)));
        };
    }
}
