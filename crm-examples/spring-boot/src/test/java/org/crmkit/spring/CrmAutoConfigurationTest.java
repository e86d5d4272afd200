package org.crmkit.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.ClockState;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.servicelevel.ItemStatus;
import org.crmkit.core.servicelevel.Selector;
import org.crmkit.core.servicelevel.ServiceLevelPolicy;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.ServiceLevels;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.jdbc.JdbcStores;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application on PostgreSQL with nothing but the starter and Spring Boot's own JDBC and Jackson support: it
 * records a purchase through {@code Crm}, earns points on it through the {@code Ledger}, reads them back from the
 * database, writes crmkit's documents with the application's mapper, and shows crmkit's meters in its registry.
 * Runs where {@code .ci/with-postgres} provides a server (always in CI).
 */
@EnabledIfEnvironmentVariable(named = "CRMKIT_TEST_POSTGRES_URL", matches = ".+")
@SpringBootTest(classes = CrmAutoConfigurationTest.App.class, properties = "crmkit.cache.customers=1000")
class CrmAutoConfigurationTest {
    private static final Instant BOUGHT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    private Crm crm;
    @Autowired
    private Ledger ledger;
    @Autowired
    private JdbcStores stores;
    @Autowired
    private JsonMapper mapper;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private CountingListener listener;
    @Autowired
    private ServiceLevels levels;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) throws SQLException, IOException {
        String url = System.getenv("CRMKIT_TEST_POSTGRES_URL");
        String schema = "crmkit_boot_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        properties.add("spring.datasource.url", () -> url + "&currentSchema=" + schema);
        Program program = Program.builder("store", "Store points", Currency.getInstance("USD"))
                .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build()).tiers(Tier.base("member"))
                .build();
        Path file = Files.createTempFile("crmkit-program", ".json");
        Files.writeString(file, CrmJson.write(program));
        file.toFile().deleteOnExit();
        properties.add("crmkit.loyalty.program", () -> file.toUri().toString());
    }

    @Test
    void aPurchaseRecordedThroughCrmEarnsPointsThatReadBackFromPostgres() {
        Customer mei = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin")));
        MemberNumber number = ledger.enroll(MemberNumber.of("MEI-1"), mei.id()).number();
        Touchpoint sale = Touchpoint.builder().id(TouchpointId.of("tp-1")).customerId(mei.id()).occurredAt(BOUGHT)
                .channel(Channel.of("store")).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(Money.parse("42.00 USD")).build();
        Touchpoint purchase = crm.recordTouchpoint(sale);
        crm.recordTouchpoint(sale); // the till sends it twice

        assertEquals(42, ledger.balance(number), "earned by recording the purchase, once");
        assertEquals(purchase, stores.touchpoints().findById(purchase.id()).orElseThrow());
        assertEquals(1, stores.ledger().entries(number, 0, 10).size(), "the entry is in PostgreSQL");
        assertEquals(mei.id(), stores.members().findById(number).orElseThrow().customerId());

        // The application's own mapper speaks crmkit's JSON.
        String json = mapper.writeValueAsString(crm.customers().findById(mei.id()).orElseThrow());
        assertTrue(json.contains("\"format\":1"), json);
        assertEquals(mei.id(), mapper.readValue(json, Customer.class).id());

        // Meters in the application's registry; the application's listener bean hears Crm's events.
        assertEquals(1, registry.get("crmkit.loyalty.postings").tag("kind", "accrual").counter().count());
        assertEquals(42, registry.get("crmkit.loyalty.points").tag("kind", "accrual").counter().count());
        assertEquals(1, registry.get("crmkit.events").tag("type", "touchpoint-recorded").counter().count());
        assertTrue(registry.get("cache.gets").tag("cache", "crmkit.customers").counters().size() > 0);
        assertTrue(listener.heard.get() >= 2, "customer created and touchpoint recorded");
    }

    @Test
    void aCaseUnderTheApplicationsPolicyIsMeasuredInPostgres() {
        Customer ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        crm.openCase(ServiceCase.open(CaseId.of("case-boot-1"), ann.id(), CaseCategory.of("billing"), Lane.GREEN,
                Priority.HIGH, "Charged twice", crm.clock().instant(), null));
        ItemStatus status = levels.status(ItemKey.of(CaseId.of("case-boot-1"))).orElseThrow();
        assertEquals("billing", status.policy().name());
        assertEquals(ClockState.RUNNING, status.reading(App.FIRST_REPLY.id()).state());
        assertEquals(List.of(ItemKey.of(CaseId.of("case-boot-1"))), stores.clocks().findOpen(PageRequest.first(10))
                .items().stream().map(ItemClock::key).toList(), "the item is in PostgreSQL");
    }

    @Test
    void theStarterShipsMetadataForItsProperties() throws IOException {
        try (InputStream in = CrmProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : new String[] {"crmkit.jdbc.migrate", "crmkit.loyalty.program",
                    "crmkit.cache.customers"}) {
                assertTrue(metadata.contains("\"name\": \"" + property + "\""), property + " in " + metadata);
            }
        }
    }

    /** An application: Spring Boot's auto-configuration, a registry and a listener of its own. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }

        static final ServiceLevelStandard FIRST_REPLY = ServiceLevelStandard.builder()
                .id(StandardId.of("first-reply")).name("First reply").startOn("open").stopOn("in-progress")
                .target(Duration.ofHours(8)).build();

        @Bean
        CountingListener countingListener() {
            return new CountingListener();
        }

        @Bean
        ServiceLevelPolicy billing() {
            return ServiceLevelPolicy.of("billing", Selector.cases(CaseCategory.of("billing")),
                    ServiceLevelPolicy.Metric.of(FIRST_REPLY));
        }
    }

    /** Counts the events it hears. */
    static final class CountingListener implements CrmEventListener {
        final AtomicInteger heard = new AtomicInteger();

        @Override
        public void on(CrmEvent event) {
            heard.incrementAndGet();
        }
    }
}
