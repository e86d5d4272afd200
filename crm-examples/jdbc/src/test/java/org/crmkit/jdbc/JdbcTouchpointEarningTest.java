package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.spi.Transactions;
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
 * only what it stored; a purchase whose node died between the commit and the delivery is earned once by the next
 * node: the loyalty flow on H2 and on PostgreSQL.
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

    @Test
    void aPurchaseCommittedByANodeThatDiedIsEarnedOnceByTheNextOnH2() {
        earnedOnceAfterACrash(Databases.h2());
    }

    @Test
    void aPurchaseCommittedByANodeThatDiedIsEarnedOnceByTheNextOnPostgres() {
        earnedOnceAfterACrash(Databases.postgres());
    }

    private static Touchpoint sale(Customer customer, int i) {
        return Touchpoint.builder().id(TouchpointId.of("sale-" + i)).customerId(customer.id())
                .occurredAt(T0.plusSeconds(i)).channel(Channel.of("store")).direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE).amount(Money.parse("2.00 USD")).build();
    }

    /**
     * A node stores a purchase and its event, then dies before delivering it: nothing is earned yet. The next
     * node delivers the stored event at start-up and earns it once; the till's retry of the same sale earns nothing.
     */
    private static void earnedOnceAfterACrash(DataSource db) {
        List<LoyaltyEvent> published = Collections.synchronizedList(new ArrayList<>());
        MutableClock clock = MutableClock.at(T0);
        boolean[] crash = {false};
        JdbcStores first = JdbcStores.open(db);
        Transactions dying = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                T result = first.transactions().inTransaction(work);
                if (crash[0]) {
                    throw new IllegalStateException("the process died after the commit");
                }
                return result;
            }
        };
        Crm a = node(first, dying, clock, published);
        Customer ann = a.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        Ledger ledgerA = Ledger.builder(PROGRAM).members(first.members()).store(first.ledger()).clock(clock).build();
        MemberNumber number = ledgerA.enroll(MemberNumber.of("ANN-1"), ann.id()).number();
        crash[0] = true;
        assertThrows(IllegalStateException.class, () -> a.recordTouchpoint(sale(ann, 1)));
        assertEquals(0, ledgerA.balance(number), "earned before the event was delivered");

        JdbcStores second = JdbcStores.attach(db);
        Crm b = node(second, second.transactions(), clock, published);
        assertEquals(1, b.outbox().deliverPending());
        assertEquals(0, b.outbox().deliverPending());
        b.recordTouchpoint(sale(ann, 1));
        assertEquals(2, ledgerA.balance(number));
        assertEquals(1, published.size(), "points posted once: " + published);
    }

    /** A node's facade with a ledger earning on its purchases, publishing to the shared list. */
    private static Crm node(JdbcStores stores, Transactions transactions, MutableClock clock,
                            List<LoyaltyEvent> published) {
        Crm crm = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints())
                .outbox(stores.outbox()).transactions(transactions).clock(clock).build();
        TouchpointEarning.attach(crm, Ledger.builder(PROGRAM).members(stores.members()).store(stores.ledger())
                .clock(clock).listener(published::add).build());
        return crm;
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
            sales.add(sale(ann, i));
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
