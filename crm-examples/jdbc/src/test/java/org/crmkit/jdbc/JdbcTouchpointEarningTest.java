package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.TouchpointEarning;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.junit.jupiter.api.Test;

/**
 * Purchases recorded through two nodes' facades over one database earn once each, and each node's ledger publishes
 * only what it stored: the loyalty flow on H2 and on PostgreSQL.
 */
class JdbcTouchpointEarningTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Program PROGRAM = Program.builder("store", "Store points", Currency.getInstance("USD"))
            .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build()).build();

    @Test
    void onH2() throws Exception {
        twoNodesEarnEachPurchaseOnce(Databases.h2());
    }

    @Test
    void onPostgres() throws Exception {
        twoNodesEarnEachPurchaseOnce(Databases.postgres());
    }

    private static void twoNodesEarnEachPurchaseOnce(DataSource db) throws Exception {
        List<LoyaltyEvent> published = Collections.synchronizedList(new ArrayList<>());
        MutableClock clock = MutableClock.at(T0);
        List<Crm> facades = new ArrayList<>();
        List<Ledger> ledgers = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            JdbcStores stores = JdbcStores.open(db); // each node its own stores and caches over one database
            Crm crm = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints()).clock(clock)
                    .build();
            Ledger ledger = Ledger.builder(PROGRAM).members(stores.members()).store(stores.ledger()).clock(clock)
                    .listener(published::add).build();
            TouchpointEarning.attach(crm, ledger);
            facades.add(crm);
            ledgers.add(ledger);
        }
        Customer ann = facades.get(0).createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        MemberNumber number = ledgers.get(0).enroll(MemberNumber.of("ANN-1"), ann.id()).number();
        published.clear();

        // Both nodes record every purchase (a till that sends each sale to both), at the same time.
        List<Touchpoint> sales = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sales.add(Touchpoint.builder().id(TouchpointId.of("sale-" + i)).customerId(ann.id())
                    .occurredAt(T0.plusSeconds(i)).channel(Channel.of("store")).direction(Direction.INBOUND)
                    .kind(TouchpointKind.PURCHASE).amount(Money.parse("2.00 USD")).build());
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (Crm crm : facades) {
                work.add(() -> {
                    sales.forEach(crm::recordTouchpoint);
                    return null;
                });
            }
            for (Future<Object> f : two.invokeAll(work)) {
                f.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(100, ledgers.get(0).balance(number));
        assertEquals(100, ledgers.get(1).balance(number));
        assertEquals(50, published.size(), "one event per sale between the two nodes: " + published.size());
        assertEquals(50, published.stream().map(LoyaltyEvent::id).distinct().count());
    }
}
