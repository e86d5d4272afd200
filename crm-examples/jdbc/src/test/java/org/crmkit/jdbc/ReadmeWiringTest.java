package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.Selector;
import org.crmkit.core.servicelevel.ServiceLevelPolicy;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.ServiceLevels;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.TouchpointEarning;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.junit.jupiter.api.Test;

/** The README's wiring of the whole library over one database, compiled and run; the README shows these lines. */
class ReadmeWiringTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theWiringRunsAndTheReadmeShowsIt() throws IOException {
        DataSource dataSource = Databases.h2();
        MutableClock clock = MutableClock.at(T);
        List<CrmEvent> heard = new ArrayList<>();
        ServiceLevelStandard firstReply = ServiceLevelStandard.builder().id(StandardId.of("first-reply"))
                .name("First reply").startOn("open").stopOn("in-progress").target(Duration.ofHours(8)).build();
        Program program = Program.builder("store", "Store points", Currency.getInstance("USD"))
                .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build()).build();

        // README:begin
        JdbcStores stores = JdbcStores.open(dataSource);      // one database: a write and its events commit together
        Crm crm = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints()).cases(stores.cases())
                .mergeRecords(stores.mergeRecords()).outbox(stores.outbox()).transactions(stores.transactions())
                .clock(clock).listener(heard::add).build();
        ServiceLevels levels = ServiceLevels.builder(crm).store(stores.clocks())
                .policy(ServiceLevelPolicy.of("billing", Selector.cases(CaseCategory.of("billing")),
                        ServiceLevelPolicy.Metric.of(firstReply).target(Priority.HIGH, Duration.ofHours(1))))
                .attach();                                     // cases' status changes drive their clocks
        Ledger ledger = Ledger.builder(program).members(stores.members()).store(stores.ledger()).clock(clock).build();
        TouchpointEarning.attach(crm, ledger);                 // purchases earn, refunds take back

        crm.outbox().deliverPending();                         // at start-up: what a crash left undelivered
        levels.checkOpen();                                    // then every minute, on any number of nodes
        // README:end

        Customer ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        MemberNumber number = ledger.enroll(MemberNumber.of("ANN-1"), ann.id()).number();
        crm.recordTouchpoint(Touchpoint.builder().id(TouchpointId.of("sale-1")).customerId(ann.id()).occurredAt(T)
                .channel(Channel.of("store")).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(Money.parse("20.00 USD")).build());
        assertEquals(20, ledger.balance(number));
        crm.openCase(ServiceCase.open(CaseId.of("case-1"), ann.id(), CaseCategory.of("billing"), Lane.GREEN,
                Priority.HIGH, "Charged twice", T, null));
        clock.advance(Duration.ofMinutes(61));
        levels.checkOpen();
        assertEquals(List.of(T.plus(Duration.ofHours(1))), heard.stream()
                .filter(e -> e instanceof CrmEvent.ServiceLevelBreached).map(CrmEvent::at).toList());

        Customer annAgain = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee-Smith")));
        crm.merge(annAgain.id(), ann.id());
        assertEquals(annAgain.id(), crm.cases().findById(CaseId.of("case-1")).orElseThrow().customerId());
        crm.unmerge(ann.id());                                 // a wrong merge undone, from the stored record
        assertEquals(ann.id(), crm.cases().findById(CaseId.of("case-1")).orElseThrow().customerId());
        assertEquals(ann.name(), crm.findCustomer(ann.id()).orElseThrow().name());
        assertEquals(annAgain.withVersion(3).toBuilder().updatedAt(clock.instant()).build(),
                crm.findCustomer(annAgain.id()).orElseThrow());

        String readme = normalise(Files.readAllLines(readme()));
        assertTrue(readme.contains(normalise(snippet())), "README.md must show the wiring of " + getClass());
    }

    private static List<String> snippet() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/org/crmkit/jdbc/ReadmeWiringTest.java"));
        return lines.subList(lines.indexOf("        // README:begin") + 1, lines.indexOf("        // README:end"));
    }

    private static Path readme() {
        Path here = Path.of("../../README.md");
        return Files.exists(here) ? here : Path.of("README.md");
    }

    private static String normalise(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
