package org.crmkit.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.crmkit.core.Crm;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.ClockEvent;
import org.crmkit.core.servicelevel.ClockReading;
import org.crmkit.core.servicelevel.Comparison;
import org.crmkit.core.servicelevel.ServiceLevelClock;
import org.crmkit.core.servicelevel.ServiceLevelReport;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.common.MutableClock;
import org.crmkit.fixtures.C12Airline;
import org.crmkit.fixtures.C1CarRental;
import org.crmkit.fixtures.C2BeyondExpectation;
import org.crmkit.fixtures.C3CardIssuer;
import org.crmkit.fixtures.C5Steakhouse;
import org.crmkit.fixtures.C6HotelProcess;
import org.crmkit.fixtures.C7DepartmentStore;
import org.crmkit.fixtures.C8Supermarket;
import org.crmkit.fixtures.C9Courier;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.segmentation.analysis.Grid;
import org.crmkit.segmentation.analysis.OfferLists;
import org.crmkit.segmentation.analysis.RepurchaseCycles;
import org.crmkit.segmentation.analysis.ValueRanking;
import org.crmkit.segmentation.rule.CompiledSegment;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Subject;

/**
 * Walks through the case studies on the in-memory store and prints what happens, in words, then runs a synthetic
 * population through segments, a loyalty program and a value ranking, and writes a self-contained HTML report
 * with charts. Run it with the README's run command; options: {@code --population N} (1,000 to 10,000,000,
 * default 10,000) and {@code --out FOLDER} (default {@code target/crmkit-demo}).
 */
public final class Demo {
    /** The population's size when none is given. */
    public static final int DEFAULT_POPULATION = 10_000;
    private static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");
    private final PrintStream out;
    private final long populationSize;
    private final Path folder;
    private final Report report = new Report();
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-06T19:00:00Z"));
    private final Crm crm;
    private int events;

    /**
     * Creates the demo.
     *
     * @param out where to print the walk-through
     */
    public Demo(PrintStream out) {
        this(out, DEFAULT_POPULATION, Path.of("target", "crmkit-demo"));
    }

    /**
     * Creates the demo.
     *
     * @param out where to print the walk-through
     * @param populationSize how many synthetic customers, 1,000 to 10,000,000
     * @param folder where to write {@code report.html}
     */
    public Demo(PrintStream out, long populationSize, Path folder) {
        this.out = Objects.requireNonNull(out, "out");
        this.populationSize = populationSize;
        this.folder = Objects.requireNonNull(folder, "folder");
        this.crm = Crm.builder().clock(clock).listener(this::count).build();
    }

    /**
     * Runs the demo, printing to standard output.
     *
     * @param args {@code --population N} and {@code --out FOLDER}, both optional
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        long size = DEFAULT_POPULATION;
        Path folder = Path.of("target", "crmkit-demo");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--population") && value != null) {
                size = Long.parseLong(value.replace("_", "").replace(",", ""));
                i++;
            } else if (args[i].equals("--out") && value != null) {
                folder = Path.of(value);
                i++;
            } else {
                System.err.println("usage: Demo [--population N] [--out FOLDER]; unknown option: " + args[i]);
                System.exit(2);
            }
        }
        new Demo(System.out, size, folder).run();
    }

    /**
     * Runs every scenario and writes the report.
     *
     * @return the report file
     * @throws IOException when the report cannot be written
     */
    public Path run() throws IOException {
        out.println("crmkit demo: the case studies on the in-memory store");
        steakhouse();
        carRental();
        beyondExpectation();
        cardIssuer();
        hotelProcess();
        supermarket();
        airline();
        departmentStore();
        courier();
        out.println();
        out.printf("%d domain events were published to listeners.%n", events);
        new PopulationRun(out, report, SyntheticPopulation.of(2026, populationSize, YEAR_END)).run();
        Path file = report.write(folder, "crmkit demo report");
        out.println();
        out.println("Report written to " + file.toAbsolutePath().normalize());
        return file;
    }

    private void count(CrmEvent event) {
        events++;
    }

    private void steakhouse() {
        heading("C5 steakhouse: the guest who avoids garlic, known in every branch");
        Customer guest = C5Steakhouse.enrolGuest(crm);
        out.printf("Los Angeles, %s: %s gets a guest card.%n", clock.instant(), guest.name().display());
        for (Preference p : C5Steakhouse.observedInLosAngeles(clock.instant())) {
            crm.recordPreference(guest.id(), p);
            out.printf("  waiter %s notes: %s %s %s%n", p.recordedBy(), p.polarity().name().toLowerCase(), p.key(),
                    p.value());
        }

        clock.advance(Duration.ofDays(40));
        out.printf("Shanghai, %s: a booking arrives from %s.%n", clock.instant(), C5Steakhouse.GUEST_PHONE);
        Customer found = crm.customers().findByContact(C5Steakhouse.GUEST_PHONE).get(0);
        EffectivePreferences prefs = found.effectivePreferences();
        out.printf("  the Shanghai host finds %s's card, written in Los Angeles:%n", found.name().display());
        for (Preference p : prefs.all()) {
            out.printf("    %-13s %-8s %s  (observed at %s)%n", p.key(), p.polarity().name().toLowerCase(),
                    p.value(), p.location());
        }
        out.printf("  kitchen told: no garlic for this guest -> %s%n",
                prefs.isAverseTo(C5Steakhouse.FOOD, "garlic") ? "yes" : "no");
        out.printf("  staff notes: %s%n", found.notes().stream().map(n -> n.topic() + ": " + n.text())
                .collect(Collectors.joining("; ")));
    }

    private void carRental() {
        heading("C1 car rental: the annual agreement spares the signature");
        Customer company = crm.create(C1CarRental.company());
        Customer member = C1CarRental.enrolMember(crm, company.id());
        out.printf("%s joins the gold club and signs the annual agreement on %s.%n", member.name().display(),
                clock.instant());
        out.printf("  card on file: %s%n", member.paymentInstruments().get(0));
        out.printf("  email on file: %s (verified)%n", member.primaryContact(ContactKind.EMAIL).orElseThrow()
                .address());
        for (int days : new int[] {30, 200, 364, 366}) {
            Instant rental = member.agreements().get(0).signedAt().plus(Duration.ofDays(days));
            out.printf("  rental on day %3d: %s%n", days, C1CarRental.needsSignature(member, rental)
                    ? "signature needed at the counter" : "no signature, no queue: straight to the car");
        }
        Customer renewed = crm.updateCustomer(member.id(), m -> m.withAgreement(
                C1CarRental.annualAgreement(member.agreements().get(0).validUntil())));
        out.printf("  after renewing, day 366: %s%n", C1CarRental.needsSignature(renewed,
                member.agreements().get(0).signedAt().plus(Duration.ofDays(366)))
                ? "signature needed" : "no signature needed");
        flightDelayed(renewed);
    }

    private void flightDelayed(Customer member) {
        heading("C1 car rental: the car is ready before the delayed flight lands");
        clock.advance(Duration.ofHours(14));
        Instant booked = clock.instant();
        Touchpoint booking = crm.recordTouchpoint(C1CarRental.airportBooking(member, booked, "UA 880"));
        String item = booking.id().value();
        Instant scheduled = booked.plus(Duration.ofHours(7).plusMinutes(40));
        List<ClockEvent> events = new ArrayList<>(List.of(ClockEvent.of(C1CarRental.BOOKED, booked),
                C1CarRental.flightLands(booked, scheduled)));
        ClockReading r = crm.serviceLevels().check(member.id(), item, C1CarRental.CAR_READY, events);
        out.printf("  %s: a travel agent books %s a %s car at the airport (corporate discount %s%%) for flight"
                + " UA 880, landing %s; the car is due then%n", hhmm(booked), member.name().display(),
                member.effectivePreferences().about(C1CarRental.VEHICLE_CLASS).get(0).value(),
                booking.attributes().get("corporate-discount"), hhmm(r.dueAt()));
        Instant delayed = scheduled.plus(Duration.ofMinutes(90));
        clock.advance(Duration.ofHours(5));
        events.add(C1CarRental.flightLands(clock.instant(), delayed));
        r = crm.serviceLevels().check(member.id(), item, C1CarRental.CAR_READY, events);
        out.printf("  %s: the flight feed says UA 880 is 90 minutes late; the car is now due at %s (%s, %s left)%n",
                hhmm(clock.instant()), hhmm(r.dueAt()), r.state().name().toLowerCase(Locale.ROOT),
                r.remaining().toHoursPart() + " h " + r.remaining().toMinutesPart() + " min");
        clock.set(delayed.minus(Duration.ofMinutes(20)));
        events.add(ClockEvent.of(C1CarRental.CAR_AT_STALL, clock.instant()));
        r = crm.serviceLevels().check(member.id(), item, C1CarRental.CAR_READY, events);
        out.printf("  %s: the car stands at its stall with \"%s\" on the board, %d minutes before landing: %s%n",
                hhmm(clock.instant()), member.name().display(),
                Duration.between(clock.instant(), delayed).toMinutes(), r.state().name().toLowerCase(Locale.ROOT));
        List<ClockEvent> withoutFeed = events.stream().filter(e -> e.movedTo() == null || e.at().equals(booked))
                .toList();
        out.printf("  had the due time not moved with the flight, the same car would count as %s%n",
                ServiceLevelClock.read(C1CarRental.CAR_READY, withoutFeed, clock.instant()).state().name()
                        .toLowerCase(Locale.ROOT));
    }

    private void beyondExpectation() {
        heading("C2 service beyond expectation: a song noticed, a full hotel, a car that will not start");
        Customer guest = crm.create(C2BeyondExpectation.guest());
        Preference song = C2BeyondExpectation.noticedSong();
        crm.recordPreference(guest.id(), song);
        C2BeyondExpectation.rides().forEach(crm::recordTouchpoint);
        out.printf("  driver %s notices %s enjoys %s; by evening the album is on the seat%n", song.recordedBy(),
                guest.name().display(), song.value());
        for (Touchpoint ride : C2BeyondExpectation.rides()) {
            out.printf("    %-13s %-8s %s%n", ride.id(), ride.expectation().orElseThrow().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' '), ride.outcome().orElse(""));
        }
        Customer couple = crm.create(C2BeyondExpectation.walkInCouple());
        List<Touchpoint> stay = C2BeyondExpectation.fullHotel();
        stay.forEach(crm::recordTouchpoint);
        out.printf("  a walk-in couple (%s) finds the hotel full: %s (%s); a month later they book the hotel%n",
                couple.name().display(), stay.get(0).outcome().orElseThrow(),
                stay.get(0).expectation().orElseThrow().name().toLowerCase(Locale.ROOT));
        crm.create(C2BeyondExpectation.carOwner());
        ServiceCase fault = crm.openCase(C2BeyondExpectation.ignitionCase());
        out.printf("  two letters: \"%s\"; the case gathers %d evenings of observations:%n",
                C2BeyondExpectation.letters().get(0).outcome().orElseThrow(), fault.observations().size());
        fault.observations().forEach(o -> out.println("    " + o.text()));
        out.printf("  root cause: %s%n", fault.rootCause().orElseThrow());
    }

    private void hotelProcess() {
        heading("C6 hotel chain: every step of a stay measured, defects over the whole stay");
        List<ServiceLevelReport> before = C6HotelProcess.journey(C6HotelProcess.BEFORE,
                C6HotelProcess.DEFECTS_BEFORE);
        List<ServiceLevelReport> after = C6HotelProcess.journey(C6HotelProcess.AFTER, C6HotelProcess.DEFECTS_AFTER);
        List<String> names = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        for (int i = 0; i < C6HotelProcess.STEPS.size(); i++) {
            String name = C6HotelProcess.STEPS.get(i).name();
            out.printf("  %-26s defects %4.1f%% -> %3.1f%%  (sigma %.1f -> %.1f)%n", name,
                    before.get(i).dpmo() / 10_000, after.get(i).dpmo() / 10_000, before.get(i).sigmaLevel(),
                    after.get(i).sigmaLevel());
            names.add(name);
            rates.add(new double[] {before.get(i).dpmo() / 10_000, after.get(i).dpmo() / 10_000});
        }
        double flawedBefore = 1 - ServiceLevelReport.rolledThroughputYield(before);
        double flawedAfter = 1 - ServiceLevelReport.rolledThroughputYield(after);
        out.printf("  stays with any defect: %.1f%% -> %.1f%% (goal: under %.0f%%)%n", 100 * flawedBefore,
                100 * flawedAfter, 100 * C6HotelProcess.JOURNEY_DEFECT_GOAL);
        report.heading("C6 hotel chain: defects per step of a stay");
        report.bars("Items with a defect", names, List.of("before", "after"), rates.toArray(new double[0][]), "%");
    }

    private void courier() {
        heading("C9 courier: steady customers, and each agent's customers asked about quality");
        List<Subject> shippers = C9Courier.shippers();
        CompiledSegment steady = C9Courier.steadyCustomers().compile(FactCatalog.standard());
        out.printf("  %d of %d business customers are steady (%s): they get the shipping tools%n",
                shippers.stream().filter(steady::includes).count(), shippers.size(),
                C9Courier.steadyCustomers().condition());
        List<Touchpoint> calls = C9Courier.callsIn(C9Courier.MONTH);
        var sample = C9Courier.sample(calls, C9Courier.MONTH, 5);
        var quality = C9Courier.qualityByAgent(C9Courier.surveyCalls(sample));
        out.printf("  %s: %d calls answered; 5 customers per agent called back and asked%n", C9Courier.MONTH,
                calls.size());
        sample.forEach((agent, served) -> out.printf("    %s: asked %s; mean score %s of 5%n", agent,
                served.stream().map(t -> t.customerId().value()).collect(Collectors.joining(", ")),
                quality.get(agent)));
    }

    /** {@return the time of day in UTC, as the rental desk's screens show it} */
    private static String hhmm(Instant at) {
        return LocalTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES) + " UTC";
    }

    private void cardIssuer() {
        heading("C3 card issuer: every item measured, before and after, and what the improvement is worth");
        List<String> names = new ArrayList<>();
        List<double[]> compliance = new ArrayList<>();
        for (Object[] row : new Object[][] {{C3CardIssuer.APPLICATIONS, 35, 15}, {C3CardIssuer.CARD_REPLACEMENT, 15, 2},
                {C3CardIssuer.INQUIRIES, 16, 10}}) {
            ServiceLevelStandard s = (ServiceLevelStandard) row[0];
            ServiceLevelReport before = ServiceLevelReport.of(s, C3CardIssuer.BEFORE,
                    C3CardIssuer.readings(s, C3CardIssuer.BEFORE, (Integer) row[1]));
            ServiceLevelReport after = ServiceLevelReport.of(s, C3CardIssuer.AFTER,
                    C3CardIssuer.readings(s, C3CardIssuer.AFTER, (Integer) row[2]));
            out.printf("  %-24s median %2d -> %2d days; within %s: %3.0f%% -> %3.0f%%%n", s.name(),
                    before.p50().toDays(), after.p50().toDays(), s.target().toDays() + " days",
                    100 * before.compliance(), 100 * after.compliance());
            names.add(s.name());
            compliance.add(new double[] {Math.round(1000 * before.compliance()) / 10.0,
                Math.round(1000 * after.compliance()) / 10.0});
            if (s.worth() != null) {
                Comparison c = Comparison.of(s, before, after);
                out.printf("  each card %d days sooner at %s a day: %s a card, %s for %,d cards a year%n",
                        c.medianSaved().toDays(), s.worth().amount(), c.worthPerItem(),
                        c.worthAt(C3CardIssuer.CARDS_A_YEAR), C3CardIssuer.CARDS_A_YEAR);
            }
        }
        report.heading("C3 card issuer: service levels before and after");
        report.bars("Items within the standard's target", names, List.of("before", "after"),
                compliance.toArray(new double[0][]), "%");
    }

    private void supermarket() {
        heading("C8 supermarket: nine cells of pain-reliever buyers, and shopping lists every other week");
        List<Subject> buyers = C8Supermarket.painReliefBuyers();
        Grid<Subject> grid = C8Supermarket.painReliefGrid(buyers);
        out.printf("  %-10s %s%n", grid.rows() + " \\ " + grid.columns(), String.join("  ", grid.columnLabels()));
        for (String row : grid.rowLabels()) {
            out.printf("  %-18s", row);
            for (String column : grid.columnLabels()) {
                out.printf("%6d", grid.cell(row, column).count());
            }
            out.println();
        }
        report.heading("C8 supermarket: the nine cells of pain-reliever buyers");
        List<String> cells = new ArrayList<>();
        List<double[]> sizes = new ArrayList<>();
        for (String row : grid.rowLabels()) {
            for (String column : grid.columnLabels()) {
                cells.add(row + " / " + column);
                sizes.add(new double[] {grid.cell(row, column).count()});
            }
        }
        report.bars("Customers per cell (brand loyalty / usage)", cells, List.of("customers"),
                sizes.toArray(new double[0][]), "");
        CompiledSegment heavy = C8Supermarket.heavyNationalBrandUsers().compile(FactCatalog.standard());
        Subject first = grid.cell("national", "high").members().get(0);
        out.printf("  why %s gets the deepest store-brand discount:%n", first.customer().id());
        heavy.explain(first).render().lines().forEach(line -> out.println("    " + line));

        List<Subject> shoppers = C8Supermarket.weeklyShoppers();
        RepurchaseCycles cycles = RepurchaseCycles.of(shoppers.stream()
                .flatMap(s -> RepurchaseCycles.purchases(s, LineItem::category).stream()).toList(), 2);
        LocalDate today = LocalDate.ofInstant(C8Supermarket.NOW, ZoneOffset.UTC);
        List<OfferLists.ShoppingList> lists = C8Supermarket.shoppingLists().issue(today, shoppers, cycles);
        out.printf("  %s: %d of %d weekly shoppers get a list (over 25 USD a week, email consent):%n", today,
                lists.size(), shoppers.size());
        for (OfferLists.ShoppingList list : lists) {
            out.printf("    %s: %s, coupons %s%n", list.customerId(), list.lines().stream()
                    .map(l -> l.offer() + " (due " + l.due() + ", " + l.coupon() + ")")
                    .collect(Collectors.joining("; ")), list.couponTotal());
        }
    }

    private void airline() {
        heading("C12 airline: the most profitable 10% of flyers");
        List<Subject> flyers = C12Airline.flyers();
        ValueRanking ranking = C12Airline.byMargin(flyers);
        out.printf("  %d flyers, %s USD margin in the year; the top 10%% hold %s%% of it.%n", flyers.size(),
                ranking.total().toPlainString(), ranking.topShare(10).movePointRight(2).stripTrailingZeros()
                        .toPlainString());
        CompiledSegment commuters = C12Airline.firstClassCommuters().compile(FactCatalog.standard());
        long members = flyers.stream().filter(commuters::includes).count();
        out.printf("  segment %s (%s): %d members, one owner answers for their journey.%n",
                C12Airline.firstClassCommuters(), C12Airline.firstClassCommuters().condition(), members);
    }

    private void departmentStore() {
        heading("C7 department store: a refund takes back what the purchase earned");
        Ledger ledger = Ledger.builder(C7DepartmentStore.storeCard()).clock(clock).build();
        MemberNumber number = MemberNumber.of("DS-1001");
        ledger.enroll(number, C7DepartmentStore.SHOPPER);
        Touchpoint coat = C7DepartmentStore.coat();
        ledger.post(new Posting.Earn(number, coat, null));
        ledger.post(new Posting.Earn(number, coat, null)); // offered twice by the till: earns once
        out.printf("  a 120.00 USD coat earns %d points (the till sent it twice; it earned once)%n",
                ledger.balance(number));
        ledger.post(new Posting.Redeem(number, IdempotencyKey.of("gift-wrap"), 100, null, coat.occurredAt(),
                "gift wrap", Source.agent("clerk-4")));
        out.printf("  100 points pay for gift wrap; balance %d%n", ledger.balance(number));
        LedgerEntry.Reversal back = (LedgerEntry.Reversal) ledger.post(
                Posting.Reverse.refund(number, C7DepartmentStore.refundOf(coat)));
        out.printf("  the coat comes back, no questions asked: %d points taken back, %d already spent and forgiven"
                + " (%s); balance %d%n", -back.points(), back.forgiven(),
                back.policy().name().toLowerCase(Locale.ROOT).replace('_', ' '), ledger.balance(number));
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
    }
}
