package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.segmentation.rule.Facts;
import org.junit.jupiter.api.Test;

/**
 * The flow from a recorded touchpoint to the ledger's event, with nothing glued by hand: a purchase earns, a
 * refund takes back, a tier is reached; replayed after a restart and seen by two nodes over one store, each change
 * is stored and published once.
 */
class TouchpointEarningFlowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Program PROGRAM = Program.builder("store", "Store points", Currency.getInstance("USD"))
            .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).qualifying(true).build())
            .tiers(Tier.base("member"), Tier.base("gold", "lounge").withQualifyingPoints(100)).build();

    /** The stores several nodes share. */
    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository();
    private final InMemoryTouchpointRepository touchpoints = new InMemoryTouchpointRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryLedgerStore entries = new InMemoryLedgerStore();
    private final MutableClock clock = MutableClock.at(T0);
    private final List<LoyaltyEvent> published = Collections.synchronizedList(new ArrayList<>());

    /** One node: its own facade and ledger (with their own caches) over the shared stores. */
    private final class Node {
        final Crm crm = Crm.builder().customers(customers).touchpoints(touchpoints).clock(clock).build();
        final Ledger ledger = Ledger.builder(PROGRAM).members(members).store(entries).clock(clock)
                .listener(published::add).build();
        final TouchpointEarning earning;

        Node() {
            TouchpointEarning.attach(crm, ledger);
            earning = TouchpointEarning.of(crm, ledger);
        }
    }

    @Test
    void aPurchaseEarnsOnce_aRefundTakesItBack_andATierIsReached() {
        Node node = new Node();
        Customer ann = node.crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        MemberNumber number = node.ledger.enroll(MemberNumber.of("ANN-1"), ann.id()).number();

        Touchpoint coat = node.crm.recordTouchpoint(purchase("coat", ann, "120.00", T0));
        node.crm.recordTouchpoint(purchase("coat", ann, "120.00", T0)); // the till sends it again
        assertEquals(120, node.ledger.balance(number));

        clock.advance(Duration.ofDays(3));
        node.crm.recordTouchpoint(refund("coat-back", coat, clock.instant()));
        assertEquals(0, node.ledger.balance(number));

        assertEquals(List.of("TierChanged", "PointsPosted", "TierChanged", "PointsReversed"), kinds(),
                published.toString());
        LoyaltyEvent.TierChanged gold = (LoyaltyEvent.TierChanged) published.get(2);
        assertEquals(TierChange.Reason.QUALIFIED, gold.change().reason());
        assertEquals("gold", gold.change().to());
        assertEquals(120, ((LoyaltyEvent.PointsPosted) published.get(1)).entry().delta());
    }

    @Test
    void eligibilityRulesSeeTheProfileAndHistoryTheLibraryReads() {
        Program club = Program.builder("club", "Club card", Currency.getInstance("USD"))
                .earningRules(EarningRule.perTouchpoint("club-bonus", TouchpointKind.PURCHASE, 50)
                        .eligibility(Facts.weeklySpend(Duration.ofDays(28), "USD").atLeast(25)).build())
                .build();
        Crm crm = Crm.builder().customers(customers).touchpoints(touchpoints).clock(clock).build();
        Ledger ledger = Ledger.builder(club).members(members).store(entries).clock(clock).build();
        TouchpointEarning.attach(crm, ledger);
        Customer ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        MemberNumber number = ledger.enroll(MemberNumber.of("ANN-1"), ann.id()).number();

        crm.recordTouchpoint(purchase("small", ann, "20.00", T0));
        assertEquals(0, ledger.balance(number), "5 USD a week over four weeks: no bonus");
        crm.recordTouchpoint(purchase("big", ann, "90.00", T0.plus(Duration.ofDays(1))));
        assertEquals(50, ledger.balance(number), "90 USD alone is 22.50 a week; with the earlier purchase read back, 27.50: the bonus");
    }

    @Test
    void aTouchpointReplayedAfterARestartIsNeitherEarnedNorPublishedAgain() {
        Node before = new Node();
        Customer ann = before.crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        MemberNumber number = before.ledger.enroll(MemberNumber.of("ANN-1"), ann.id()).number();
        Touchpoint lunch = before.crm.recordTouchpoint(purchase("lunch", ann, "15.00", T0));
        int afterFirst = published.size();

        Node after = new Node(); // a restart: nothing in memory but the stores
        assertEquals(entries.entries(number, 0, 10).get(0), after.earning.apply(lunch).orElseThrow(),
                "the replay returns the entry the first recording posted");
        after.crm.recordTouchpoint(lunch);
        assertEquals(afterFirst, published.size(), "nothing published again: " + published);
        assertEquals(15, after.ledger.balance(number));
        assertEquals(1, entries.entries(number, 0, 100).size());
    }

    @Test
    void twoNodesSeeingTheSameTouchpointsStoreAndPublishEachOnce() throws Exception {
        Node a = new Node();
        Node b = new Node();
        Customer ann = a.crm.createCustomer(c -> c.name(Name.person("Ann", "Lee")));
        MemberNumber number = a.ledger.enroll(MemberNumber.of("ANN-1"), ann.id()).number();
        List<Touchpoint> bought = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bought.add(a.crm.recordTouchpoint(purchase("p" + i, ann, "1.00", T0.plusSeconds(i))));
        }
        published.clear();
        // Both nodes get every touchpoint again (a redelivery), at the same time.
        atOnce(List.of(a, b), n -> bought.forEach(n.earning::apply));
        assertEquals(List.of(), published, "every touchpoint had earned already: a redelivery publishes nothing");
        assertEquals(200, entries.entries(number, 0, 1_000).size());
        assertEquals(200, a.ledger.balance(number));
        assertEquals(200, b.ledger.balance(number));

        // New touchpoints seen by both nodes at once: stored once and published once between them.
        List<Touchpoint> fresh = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Touchpoint t = purchase("q" + i, ann, "1.00", T0.plusSeconds(1_000 + i));
            touchpoints.save(t);
            fresh.add(t);
        }
        atOnce(List.of(a, b), n -> fresh.forEach(n.earning::apply));
        assertEquals(400, entries.entries(number, 0, 1_000).size());
        long posted = published.stream().filter(e -> e instanceof LoyaltyEvent.PointsPosted).count();
        assertEquals(200, posted, "each new touchpoint published once between the two nodes");
        assertEquals(200, published.stream().map(LoyaltyEvent::id).distinct().filter(id -> id.contains("/entry/"))
                .count());
        assertTrue(published.stream().allMatch(e -> e.member().equals(number)));
    }

    /** Runs the work on every node at the same time, one thread each, and waits for all. */
    private static void atOnce(List<Node> nodes, java.util.function.Consumer<Node> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (Node n : nodes) {
                tasks.add(() -> {
                    work.accept(n);
                    return null;
                });
            }
            for (Future<Object> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> kinds() {
        return published.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    private static Touchpoint purchase(String id, Customer who, String usd, Instant at) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(who.id()).occurredAt(at)
                .channel(Channel.of("store")).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(Money.parse(usd + " USD")).build();
    }

    private static Touchpoint refund(String id, Touchpoint purchase, Instant at) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(purchase.customerId()).occurredAt(at)
                .channel(Channel.of("store")).direction(Direction.INBOUND).kind(TouchpointKind.REFUND)
                .amount(purchase.amount().orElseThrow()).relatedTo(purchase.id()).build();
    }
}
