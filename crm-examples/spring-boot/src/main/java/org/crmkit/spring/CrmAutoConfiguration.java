package org.crmkit.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.crmkit.core.Crm;
import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.json.CrmJacksonModule;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.servicelevel.ClockMapping;
import org.crmkit.core.servicelevel.SegmentMembership;
import org.crmkit.core.servicelevel.ServiceLevelPolicy;
import org.crmkit.core.servicelevel.ServiceLevels;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.jdbc.JdbcStores;
import org.crmkit.loyalty.event.LoyaltyEventListener;
import org.crmkit.loyalty.json.LoyaltyJacksonModule;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.TouchpointEarning;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.micrometer.CrmMetrics;
import org.crmkit.segmentation.json.SegmentationJacksonModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Spring Boot auto-configuration of crmkit. With a {@code DataSource}, the JDBC stores ({@link JdbcStores}, schema
 * migrated on start unless {@code crmkit.jdbc.migrate=false}); a {@link Crm} over them (or in memory without one)
 * that calls every {@link CrmEventListener} bean; a {@link Ledger} for the program in
 * {@code crmkit.loyalty.program}, calling every {@link LoyaltyEventListener} bean and earning on the purchases
 * and refunds {@code Crm} records ({@link TouchpointEarning}); {@link ServiceLevels} when the application declares
 * {@link ServiceLevelPolicy} beans; crmkit's three Jackson modules as beans, which
 * Spring Boot adds to the application's {@code JsonMapper}; and, with a Micrometer {@code MeterRegistry},
 * {@link CrmMetrics} on the events, the ledger's postings and the profile cache. With a database, the facade's
 * events are stored in the outbox of the write's own transaction and delivered after it commits; what an earlier run
 * left undelivered is delivered at start-up. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
})
@EnableConfigurationProperties(CrmProperties.class)
public class CrmAutoConfiguration {

    /** {@return crm-core's Jackson module, for the application's mapper} */
    @Bean
    @ConditionalOnMissingBean
    public CrmJacksonModule crmJacksonModule() {
        return new CrmJacksonModule();
    }

    /** {@return crm-segmentation's Jackson module, for the application's mapper} */
    @Bean
    @ConditionalOnMissingBean
    public SegmentationJacksonModule crmSegmentationJacksonModule() {
        return new SegmentationJacksonModule();
    }

    /** {@return crm-loyalty's Jackson module, for the application's mapper} */
    @Bean
    @ConditionalOnMissingBean
    public LoyaltyJacksonModule crmLoyaltyJacksonModule() {
        return new LoyaltyJacksonModule();
    }

    /**
     * The JDBC stores over the application's database.
     *
     * @param dataSource the application's database
     * @param properties crmkit's settings
     * @return the stores, schema migrated unless {@code crmkit.jdbc.migrate=false}
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    public JdbcStores crmJdbcStores(DataSource dataSource, CrmProperties properties) {
        return properties.jdbc().migrate() ? JdbcStores.open(dataSource) : JdbcStores.attach(dataSource);
    }

    /**
     * The facade.
     *
     * @param stores the JDBC stores, if there is a database
     * @param listeners the application's event listeners
     * @param clock the application's clock, if it has one
     * @param metrics crmkit's meters, if there is a registry
     * @param properties crmkit's settings
     * @return the facade
     */
    @Bean
    @ConditionalOnMissingBean
    public Crm crm(ObjectProvider<JdbcStores> stores, ObjectProvider<CrmEventListener> listeners,
                   ObjectProvider<Clock> clock, ObjectProvider<CrmMetrics> metrics, CrmProperties properties) {
        Crm.Builder crm = Crm.builder();
        JdbcStores jdbc = stores.getIfAvailable();
        CustomerRepository customers = jdbc != null ? jdbc.customers() : new InMemoryCustomerRepository();
        long cached = properties.cache().customers();
        CrmMetrics meters = metrics.getIfAvailable();
        if (cached > 0) {
            customers = new CachingCustomerRepository(customers, meters != null ? meters.cache("crmkit.customers",
                    cached) : com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(cached)
                    .recordStats());
        }
        crm.customers(customers);
        if (jdbc != null) {
            crm.touchpoints(jdbc.touchpoints()).cases(jdbc.cases()).mergeRecords(jdbc.mergeRecords())
                    .outbox(jdbc.outbox()).transactions(jdbc.transactions());
        }
        clock.ifAvailable(crm::clock);
        listeners.orderedStream().forEach(crm::listener);
        if (meters != null) {
            crm.listener(meters.events());
        }
        Crm built = crm.build();
        // Events an earlier run stored but did not deliver (it stopped between the commit and the delivery).
        built.outbox().deliverPending();
        return built;
    }

    /**
     * Service levels, when the application declares {@link ServiceLevelPolicy} beans (tried in their order): over
     * the JDBC stores' clock store when there is a database, fed by the facade's touchpoints and status changes
     * through the application's {@link ClockMapping} bean (or the standard one), with its {@link SegmentMembership}
     * bean for policies that name segments. The application calls {@link ServiceLevels#checkOpen()} periodically
     * (a {@code @Scheduled} method), from any number of instances.
     *
     * @param crm the facade
     * @param policies the application's policies
     * @param stores the JDBC stores, if there is a database
     * @param mapping the application's mapping, if it has one
     * @param segments the application's segment membership, if it has one
     * @return the service, listening to the facade
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ServiceLevelPolicy.class)
    public ServiceLevels crmServiceLevels(Crm crm, ObjectProvider<ServiceLevelPolicy> policies,
                                          ObjectProvider<JdbcStores> stores, ObjectProvider<ClockMapping> mapping,
                                          ObjectProvider<SegmentMembership> segments) {
        ServiceLevels.Builder levels = ServiceLevels.builder(crm);
        policies.orderedStream().forEach(levels::policy);
        stores.ifAvailable(jdbc -> levels.store(jdbc.clocks()));
        mapping.ifAvailable(levels::mapping);
        segments.ifAvailable(levels::segments);
        return levels.attach();
    }

    /**
     * The loyalty ledger for the configured program, over the JDBC stores when there is a database.
     *
     * @param properties crmkit's settings, naming the program
     * @param stores the JDBC stores, if there is a database
     * @param clock the application's clock, if it has one
     * @param metrics crmkit's meters, if there is a registry
     * @return the ledger
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("crmkit.loyalty.program")
    public Ledger crmLedger(CrmProperties properties, ObjectProvider<JdbcStores> stores,
                            ObjectProvider<Clock> clock, ObjectProvider<CrmMetrics> metrics,
                            ObjectProvider<LoyaltyEventListener> listeners, ObjectProvider<Crm> crm) {
        Ledger.Builder ledger = Ledger.builder(program(properties.loyalty().program()));
        listeners.orderedStream().forEach(ledger::listener);
        JdbcStores jdbc = stores.getIfAvailable();
        CrmMetrics meters = metrics.getIfAvailable();
        if (jdbc != null) {
            LedgerStore store = jdbc.ledger();
            ledger.members(jdbc.members()).store(meters != null ? meters.ledger(store) : store);
        } else if (meters != null) {
            ledger.store(meters.ledger(new org.crmkit.loyalty.memory.InMemoryLedgerStore()));
        }
        clock.ifAvailable(ledger::clock);
        Ledger built = ledger.build();
        if (properties.loyalty().earnOnTouchpoints()) {
            crm.ifAvailable(c -> TouchpointEarning.attach(c, built));
        }
        return built;
    }

    private static Program program(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return CrmJson.read(in, Program.class);
        } catch (IOException e) {
            throw new UncheckedIOException("crmkit.loyalty.program: could not read " + resource, e);
        }
    }

    /** crmkit's meters, when the application has a Micrometer registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(MeterRegistry.class)
        CrmMetrics crmMetrics(MeterRegistry registry) {
            return new CrmMetrics(registry);
        }
    }
}
