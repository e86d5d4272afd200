package org.crmkit.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.crmkit.core.Crm;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.ClockEvent;
import org.crmkit.core.servicelevel.ClockMapping;
import org.crmkit.core.servicelevel.ClockReading;
import org.crmkit.core.servicelevel.Comparison;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.servicelevel.ItemStatus;
import org.crmkit.core.servicelevel.ServiceLevelClock;
import org.crmkit.core.servicelevel.ServiceLevelReport;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.ServiceLevels;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.core.unify.CandidateMatch;
import org.crmkit.core.unify.DuplicateCandidate;
import org.crmkit.core.unify.DuplicateFinder;
import org.crmkit.core.unify.IdentityResolver;
import org.crmkit.core.unify.MatchDecision;
import org.crmkit.core.unify.Resolution;
import org.crmkit.core.unify.Unmerged;
import org.crmkit.fixtures.C10CarMaker;
import org.crmkit.fixtures.C11CarMakerLoop;
import org.crmkit.fixtures.C12Airline;
import org.crmkit.fixtures.C1CarRental;
import org.crmkit.fixtures.C2BeyondExpectation;
import org.crmkit.fixtures.C3CardIssuer;
import org.crmkit.fixtures.C4KeyAccounts;
import org.crmkit.fixtures.C5Steakhouse;
import org.crmkit.fixtures.C6HotelProcess;
import org.crmkit.fixtures.C7DepartmentStore;
import org.crmkit.fixtures.C8Supermarket;
import org.crmkit.fixtures.C9Courier;
import org.crmkit.fixtures.population.ScatteredPopulation;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.ledger.TouchpointEarning;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.reward.Rewards;
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
    private final Report report;
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-06T19:00:00Z"));
    private final Crm crm;
    private final ServiceLevels levels;
    private final List<CrmEvent> promises = new ArrayList<>();
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
        this(out, populationSize, folder, new Report());
    }

    /** Creates the demo writing into the given report, which a test then asks how many charts it holds. */
    Demo(PrintStream out, long populationSize, Path folder, Report report) {
        this.report = Objects.requireNonNull(report, "report");
        this.out = Objects.requireNonNull(out, "out");
        this.populationSize = populationSize;
        this.folder = Objects.requireNonNull(folder, "folder");
        this.crm = Crm.builder().clock(clock).listener(this::count).build();
        // One service for every case's promises: the mapping says which touchpoints and status changes are clock
        // events, the policies which standard measures them.
        this.levels = ServiceLevels.builder(crm)
                .mapping(ClockMapping.standard()
                        .touchpoints(t -> concat(C1CarRental.clockEvents(t), C5Steakhouse.clockEvents(t)))
                        .statusChanges(C3CardIssuer::clockEvents))
                .policy(C1CarRental.POLICY).policy(C3CardIssuer.POLICY).policy(C5Steakhouse.POLICY).attach();
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
        keyAccounts();
        hotelProcess();
        supermarket();
        carMaker();
        carMakerLoop();
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
        if (event instanceof CrmEvent.ServiceLevelWarning || event instanceof CrmEvent.ServiceLevelBreached
                || event instanceof CrmEvent.EscalationStepReached) {
            promises.add(event);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** {@return the service-level events published since the last call, in words, and forgets them} */
    private List<String> promisesHeard() {
        List<String> words = new ArrayList<>();
        for (CrmEvent e : promises) {
            if (e instanceof CrmEvent.ServiceLevelWarning w) {
                words.add(w.standardId() + " warning at " + hhmm(w.at()));
            } else if (e instanceof CrmEvent.ServiceLevelBreached b) {
                words.add(b.standardId() + " breached at " + hhmm(b.at()));
            } else if (e instanceof CrmEvent.EscalationStepReached r) {
                words.add(r.standardId() + " step \"" + r.action() + "\" at " + hhmm(r.at()));
            }
        }
        promises.clear();
        return words;
    }

    private void steakhouse() {
        heading("C5 steakhouse: the guest who avoids garlic, known in every branch");
        Customer guest = C5Steakhouse.enrolGuest(crm);
        Instant noted = clock.instant();
        out.printf("Los Angeles, %s: %s gets a guest card.%n", Report.when(noted), guest.name().display());
        for (Preference p : C5Steakhouse.observedInLosAngeles(clock.instant())) {
            crm.recordPreference(guest.id(), p);
            out.printf("  waiter %s notes: %s %s %s%n", p.recordedBy(), EnumNames.of(p.polarity()), p.key(),
                    p.value());
        }

        clock.advance(Duration.ofDays(40));
        out.printf("Shanghai, %s: a booking arrives from %s.%n", Report.when(clock.instant()),
                C5Steakhouse.GUEST_PHONE);
        Customer found = crm.customers().findByContact(C5Steakhouse.GUEST_PHONE).get(0);
        EffectivePreferences prefs = found.effectivePreferences();
        out.printf("  the Shanghai host finds %s's card, written in Los Angeles:%n", found.name().display());
        for (Preference p : prefs.all()) {
            out.printf("    %-13s %-8s %s  (observed at %s)%n", p.key(), EnumNames.of(p.polarity()),
                    p.value(), p.location());
        }
        out.printf("  kitchen told: no garlic for this guest -> %s%n",
                prefs.isAverseTo(C5Steakhouse.FOOD, "garlic") ? "yes" : "no");
        out.printf("  staff notes: %s%n", found.notes().stream().map(n -> n.topic() + ": " + n.text())
                .collect(Collectors.joining("; ")));
        clock.advance(Duration.ofDays(3));
        Touchpoint visit = crm.recordTouchpoint(C5Steakhouse.seated(found, clock.instant()));
        out.printf("Los Angeles, %s: %s is seated; the waiting ladder starts%n", Report.when(clock.instant()),
                found.name().display());
        clock.advance(Duration.ofMinutes(3));
        levels.checkOpen();
        out.printf("  %s: the periodic check publishes %s%n", hhmm(clock.instant()), words(promisesHeard()));
        clock.advance(Duration.ofMinutes(6));
        crm.recordTouchpoint(C5Steakhouse.drinksServed(visit, clock.instant()));
        String served = EnumNames.of(levels.status(ItemKey.of(visit.id())).orElseThrow()
                .reading(C5Steakhouse.WAITING_GUEST.id()).state());
        out.printf("  %s: drinks on the table 9 minutes after seating: %s; published %s%n", hhmm(clock.instant()),
                served, words(promisesHeard()));
        report.heading("C5 steakhouse: the guest's card, read in another branch");
        List<String> known = new ArrayList<>();
        List<double[]> confidence = new ArrayList<>();
        for (Preference p : prefs.all()) {
            known.add(p.key() + " " + EnumNames.of(p.polarity()) + " " + p.value());
            confidence.add(new double[] {Math.round(100 * p.confidence())});
        }
        report.bars("Preferences on the card, by the confidence they were noted with", known,
                List.of("confidence"), confidence.toArray(new double[0][]), "%", "Noted in Los Angeles on "
                        + Report.when(noted) + "; the Shanghai host reads the same card 40 days later, and the "
                        + "kitchen is told: no garlic.");
    }

    private void carRental() {
        heading("C1 car rental: the annual agreement spares the signature");
        Customer company = crm.create(C1CarRental.company());
        Customer member = C1CarRental.enrolMember(crm, company.id());
        out.printf("%s joins the gold club and signs the annual agreement on %s.%n", member.name().display(),
                Report.when(clock.instant()));
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
        Instant scheduled = booked.plus(Duration.ofHours(7).plusMinutes(40));
        crm.recordTouchpoint(C1CarRental.flightUpdate(booking, booked, scheduled));
        ItemKey item = ItemKey.of(booking.id());
        ClockReading r = carReady(item);
        out.printf("  %s: a travel agent books %s a %s car at the airport (corporate discount %s%%) for flight"
                + " UA 880, landing %s; the car is due then%n", hhmm(booked), member.name().display(),
                member.effectivePreferences().about(C1CarRental.VEHICLE_CLASS).get(0).value(),
                booking.attributes().get("corporate-discount"), hhmm(r.dueAt()));
        Instant delayed = scheduled.plus(Duration.ofMinutes(90));
        clock.advance(Duration.ofHours(5));
        crm.recordTouchpoint(C1CarRental.flightUpdate(booking, clock.instant(), delayed));
        r = carReady(item);
        out.printf("  %s: the flight feed says UA 880 is 90 minutes late; the car is now due at %s (%s, %s left)%n",
                hhmm(clock.instant()), hhmm(r.dueAt()), EnumNames.of(r.state()),
                r.remaining().toHoursPart() + " h " + r.remaining().toMinutesPart() + " min");
        clock.set(scheduled.plus(Duration.ofMinutes(10)));
        levels.checkOpen();
        out.printf("  %s: the periodic check runs; the scheduled landing passed, and it publishes %s%n",
                hhmm(clock.instant()), words(promisesHeard()));
        clock.set(delayed.minus(Duration.ofMinutes(20)));
        crm.recordTouchpoint(C1CarRental.carParked(booking, clock.instant()));
        ItemStatus done = levels.status(item).orElseThrow();
        out.printf("  %s: the car stands at its stall with \"%s\" on the board, %d minutes before landing: %s;"
                + " %s; the item is released%n", hhmm(clock.instant()), member.name().display(),
                Duration.between(clock.instant(), delayed).toMinutes(),
                EnumNames.of(done.reading(C1CarRental.CAR_READY.id()).state()), words(promisesHeard()));
        List<ClockEvent> withoutFeed = done.item().history().stream()
                .filter(e -> e.movedTo() == null || e.at().equals(booked)).toList();
        String withoutMove = EnumNames.of(ServiceLevelClock.read(C1CarRental.CAR_READY, withoutFeed,
                clock.instant()).state());
        out.printf("  had the due time not moved with the flight, the same car would count as %s%n", withoutMove);
        report.heading("C1 car rental: the car is ready before the delayed flight lands");
        report.bars("Minutes after the booking", List.of("flight due to land", "flight lands, 90 minutes late",
                "car at its stall"), List.of("minutes"), new double[][] {
                    {Duration.between(booked, scheduled).toMinutes()}, {Duration.between(booked, delayed).toMinutes()},
                    {Duration.between(booked, clock.instant()).toMinutes()}}, " min",
                "The flight feed moved the car's due time from " + hhmm(scheduled) + " to " + hhmm(delayed)
                        + "; the car stood ready 20 minutes before landing. Had the due time not moved, the same car"
                        + " would count as " + withoutMove + ".");
    }

    private ClockReading carReady(ItemKey item) {
        return levels.status(item).orElseThrow().reading(C1CarRental.CAR_READY.id());
    }

    private static String words(List<String> published) {
        return published.isEmpty() ? "nothing" : String.join(", ", published);
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
        java.util.Map<String, Long> byExpectation = new java.util.TreeMap<>();
        java.util.stream.Stream.concat(C2BeyondExpectation.rides().stream(), stay.stream())
                .forEach(t -> t.expectation().ifPresent(e -> byExpectation.merge(EnumNames.of(e), 1L, Long::sum)));
        report.heading("C2 service beyond expectation");
        report.bars("Touchpoints by how they met the guest's expectation", List.copyOf(byExpectation.keySet()),
                List.of("touchpoints"), byExpectation.values().stream().map(v -> new double[] {v})
                        .toArray(double[][]::new), "", "Service that meets expectation and service that exceeds it "
                        + "are told apart: the album on the seat, the room found nearby for a walk-in couple. The "
                        + "car that will not start after vanilla ice cream: " + fault.observations().size()
                        + " evenings observed, root cause " + fault.rootCause().orElseThrow() + ".");
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
        report.bars("Items with a defect", names, List.of("before", "after"), rates.toArray(new double[0][]), "%",
                String.format(Locale.US, "Every step of a stay measured; stays with any defect fell from %.1f%% to "
                        + "%.1f%% against a goal of under %.0f%%.", 100 * flawedBefore, 100 * flawedAfter,
                        100 * C6HotelProcess.JOURNEY_DEFECT_GOAL));
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
        report.heading("C9 courier: each agent's customers asked about quality");
        report.bars("Mean quality score of 5, by agent", List.copyOf(quality.keySet()), List.of("score"),
                quality.values().stream().map(v -> new double[] {v.doubleValue()}).toArray(double[][]::new), "",
                "Five customers each agent served in " + C9Courier.MONTH + " were called back and asked; "
                        + calls.size() + " calls were answered that month.");
    }

    /** {@return the time of day in UTC, as the rental desk's screens show it} */
    private static String hhmm(Instant at) {
        return LocalTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES) + " UTC";
    }

    private void cardIssuer() {
        heading("C3 card issuer: every item measured, before and after, and what the improvement is worth");
        List<String> names = new ArrayList<>();
        List<double[]> medians = new ArrayList<>();
        String worth = "";
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
            medians.add(new double[] {before.p50().toDays(), after.p50().toDays()});
            if (s.worth() != null) {
                Comparison c = Comparison.of(s, before, after);
                out.printf(Locale.US, "  each card %d days sooner at %s a day: %s a card, %,.2f USD for %,d cards a"
                        + " year%n", c.medianSaved().toDays(), s.worth().amount(), c.worthPerItem(),
                        c.worthAt(C3CardIssuer.CARDS_A_YEAR).amount(), C3CardIssuer.CARDS_A_YEAR);
                worth = String.format(Locale.US, " Each card %d days sooner at %s USD a day is worth %s USD a card: "
                        + "%s USD a year for %,d cards.", c.medianSaved().toDays(), s.worth().amount(),
                        c.worthPerItem().amount(), Report.number(c.worthAt(C3CardIssuer.CARDS_A_YEAR).amount()
                                .doubleValue()), C3CardIssuer.CARDS_A_YEAR);
            }
        }
        Customer holder = crm.createCustomer(b -> b.name(Name.person("Ana", "Ruiz")));
        crm.openCase(C3CardIssuer.replacementRequest(holder.id(), "c3-replace-1", clock.instant()));
        crm.openCase(C3CardIssuer.replacementRequest(holder.id(), "c3-replace-2", clock.instant()));
        out.printf("  %s: two lost cards reported; each case's clock starts (%s)%n", Report.when(clock.instant()),
                C3CardIssuer.POLICY.name());
        clock.advance(Duration.ofDays(1));
        crm.updateCase(CaseId.of("c3-replace-1"), c -> c.resolve("Card delivered", null, clock.instant(), null));
        clock.advance(Duration.ofDays(1).plusHours(2));
        levels.checkOpen();
        out.printf("  one card is delivered the next day (%s); the other is not: the periodic check publishes %s%n",
                EnumNames.of(levels.status(ItemKey.of(CaseId.of("c3-replace-1"))).orElseThrow()
                        .reading(C3CardIssuer.CARD_REPLACEMENT.id()).state()), words(promisesHeard()));
        report.heading("C3 card issuer: measured on every item, before and after");
        report.bars("Median days per item", names, List.of("before", "after"), medians.toArray(new double[0][]),
                " days", "Measuring every transaction, not only complaints, brought applications from 35 to 15 "
                        + "days, card replacement from 15 to 2 and inquiry answers from 16 to 10." + worth);
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
        long[][] cells = new long[grid.rowLabels().size()][grid.columnLabels().size()];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                cells[r][c] = grid.cell(grid.rowLabels().get(r), grid.columnLabels().get(c)).count();
            }
        }
        report.grid("Pain-reliever buyers by brand loyalty and usage", grid.rows(), grid.rowLabels(), grid.columns(),
                grid.columnLabels(), cells, "Each cell gets its own offer: the heavy national-brand users in the "
                        + "corner get the deepest store-brand discount.");
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
        Ledger club = Ledger.builder(C8Supermarket.clubCard()).clock(Clock.fixed(C8Supermarket.NOW, ZoneOffset.UTC))
                .build();
        Rewards rewards = C8Supermarket.rewards(club);
        for (OfferLists.ShoppingList list : lists) {
            MemberNumber member = club.enroll(MemberNumber.of("CLUB-" + (club.members().count() + 1)),
                    list.customerId()).number();
            Rewards.ListCoupons coupons = rewards.issue(list, member);
            Coupon coupon = coupons.issued().values().iterator().next();
            Coupon redeemed = rewards.redeem(coupon.code(), member, "till-7:receipt-1");
            String again;
            try {
                rewards.redeem(coupon.code(), member, "till-3:receipt-9");
                again = "accepted";
            } catch (RuleViolationException refused) {
                again = "refused";
            }
            out.printf("    %s's club card %s holds coupons worth %s; at the till %s is %s, a second use %s%n",
                    list.customerId(), member, coupons.total().orElseThrow(), coupon.campaign(),
                    redeemed.status().name().toLowerCase(Locale.ROOT), again);
        }
    }

    private void airline() {
        heading("C12 airline: the most profitable 10% of flyers");
        List<Subject> flyers = C12Airline.flyers();
        ValueRanking ranking = C12Airline.byMargin(flyers);
        out.printf(Locale.US, "  %d flyers, %,.2f USD margin in the year; the top 10%% hold %s%% of it.%n",
                flyers.size(), ranking.total(), ranking.topShare(10).movePointRight(2).stripTrailingZeros()
                        .toPlainString());
        CompiledSegment commuters = C12Airline.firstClassCommuters().compile(FactCatalog.standard());
        long members = flyers.stream().filter(commuters::includes).count();
        out.printf("  segment %s (%s): %d members, one owner answers for their journey.%n",
                C12Airline.firstClassCommuters(), C12Airline.firstClassCommuters().condition(), members);
        report.heading("C12 airline: the most profitable 10% of flyers");
        List<String> deciles = new ArrayList<>();
        double[][] shares = new double[10][];
        for (int d = 1; d <= 10; d++) {
            deciles.add(d == 1 ? "top 10%" : (10 * d - 10) + "-" + 10 * d + "%");
            double above = d == 1 ? 0 : ranking.topShare(10 * (d - 1)).doubleValue();
            shares[d - 1] = new double[] {Math.round(1000 * (ranking.topShare(10 * d).doubleValue() - above)) / 10.0};
        }
        report.bars("Share of the year's margin, by tenth of flyers, best first", deciles, List.of("margin"), shares,
                "%", "The top 10% of " + flyers.size() + " flyers hold " + Report.number(shares[0][0])
                        + "% of " + Report.number(ranking.total().doubleValue()) + " USD margin; " + members
                        + " first-class commuters among them have one owner for their journey.");
    }

    private void departmentStore() {
        heading("C7 department store: a refund takes back what the purchase earned");
        // The ledger is attached to the customer record: recording the sale earns, recording the refund takes back.
        List<LoyaltyEvent> told = new ArrayList<>();
        Ledger ledger = Ledger.builder(C7DepartmentStore.storeCard()).clock(clock).listener(told::add).build();
        crm.create(C7DepartmentStore.shopper());
        MemberNumber number = MemberNumber.of("DS-1001");
        ledger.enroll(number, C7DepartmentStore.SHOPPER);
        EventDispatcher.Subscription attached = TouchpointEarning.attach(crm, ledger);
        try {
            Touchpoint coat = C7DepartmentStore.coat();
            crm.recordTouchpoint(coat);
            crm.recordTouchpoint(coat); // offered twice by the till: earns once
            long earned = ledger.balance(number);
            out.printf("  a 120.00 USD coat earns %d points (the till sent it twice; it earned once)%n", earned);
            ledger.post(new Posting.Redeem(number, IdempotencyKey.of("gift-wrap"), 100, null, coat.occurredAt(),
                    "gift wrap", Source.agent("clerk-4")));
            long afterGiftWrap = ledger.balance(number);
            out.printf("  100 points pay for gift wrap; balance %d%n", afterGiftWrap);
            crm.recordTouchpoint(C7DepartmentStore.refundOf(coat));
            List<LedgerEntry> book = ledger.entries(number);
            LedgerEntry.Reversal back = (LedgerEntry.Reversal) book.get(book.size() - 1);
            out.printf("  the coat comes back, no questions asked: %d points taken back, %d already spent and"
                    + " forgiven (%s); balance %d%n", -back.points(), back.forgiven(),
                    back.policy().name().toLowerCase(Locale.ROOT).replace('_', ' '), ledger.balance(number));
            out.printf("  the ledger told its listeners: %s%n", told.stream().map(e -> e.getClass().getSimpleName())
                    .collect(Collectors.joining(", ")));
            chartRefund(number, ledger, earned, afterGiftWrap, back);
        } finally {
            attached.close(); // the demo's other cases run other programs on the same facade
        }
    }

    private void chartRefund(MemberNumber number, Ledger ledger, long earned, long afterGiftWrap,
                             LedgerEntry.Reversal back) {
        report.heading("C7 department store: a refund takes back what the purchase earned");
        report.bars("Points balance after each step", List.of("coat bought (sent twice)", "gift wrap paid",
                "coat refunded"), List.of("points"), new double[][] {{earned}, {afterGiftWrap},
                    {ledger.balance(number)}}, "", "The till sent the sale twice and it earned once; the refund took "
                        + "back " + -back.points() + " points and forgave the " + back.forgiven() + " already spent ("
                        + EnumNames.of(back.policy()) + ").");
    }

    private void keyAccounts() {
        heading("C4 key accounts: one manager for a business client, its work in three lanes");
        Customer client = crm.create(C4KeyAccounts.client());
        out.printf("  %s: account manager %s; key staff %s%n", client.name().display(),
                client.accountManager().orElseThrow(), client.keyContacts().stream()
                        .map(k -> k.name() + " (" + k.role() + ")").collect(Collectors.joining(", ")));
        java.util.Map<Lane, Long> lanes = new java.util.EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            lanes.put(lane, 0L);
        }
        for (ServiceCase work : C4KeyAccounts.workThisWeek()) {
            crm.openCase(work);
            lanes.merge(work.lane(), 1L, Long::sum);
            out.printf("    %-6s lane: %s (%s)%n", EnumNames.of(work.lane()), work.subject(), work.category());
        }
        report.heading("C4 key accounts: the week's work by lane");
        report.bars("Cases this week, by lane", lanes.keySet().stream().map(EnumNames::of).toList(),
                List.of("cases"), lanes.values().stream().map(v -> new double[] {v}).toArray(double[][]::new), "",
                "One account manager, " + client.accountManager().orElseThrow() + ", answers for "
                        + client.name().display() + ": an order in the green lane, a courtesy call in the yellow, a "
                        + "fault in the red.");
    }

    private void carMaker() {
        heading("C10 car maker: one owner known three times, found and merged into one profile");
        // The scattered records arrive as they were, creation times included: loaded into a store, as an import.
        InMemoryCustomerRepository imported = new InMemoryCustomerRepository();
        List<Customer> scattered = C10CarMaker.scatteredProfiles();
        scattered.forEach(imported::save);
        Crm unify = Crm.builder().customers(imported).clock(Clock.fixed(C10CarMaker.UNIFIED_AT, ZoneOffset.UTC))
                .build();
        Customer maker = scattered.get(1);
        for (DuplicateCandidate d : new DuplicateFinder(unify.customers()).candidatesFor(maker)) {
            out.printf("  %s and %s share %s%n", maker.id(), d.candidate().id(),
                    String.join(" and ", d.sharedOn()).toLowerCase(Locale.ROOT));
        }
        unify.merge(maker.id(), scattered.get(0).id());
        Customer one = unify.merge(maker.id(), scattered.get(2).id());
        out.printf("  merged on %s: %s, known to %s%n", Report.when(C10CarMaker.UNIFIED_AT), one.id(),
                one.externalIds().stream().map(ExternalId::system).sorted().collect(Collectors.joining(", ")));
        report.heading("C10 car maker: one profile per customer");
        List<String> profiles = new ArrayList<>();
        List<double[]> ids = new ArrayList<>();
        for (Customer c : scattered) {
            profiles.add("before: " + c.id());
            ids.add(new double[] {c.externalIds().size()});
        }
        profiles.add("after: " + one.id());
        ids.add(new double[] {one.externalIds().size()});
        report.bars("Systems that know the profile", profiles, List.of("systems"), ids.toArray(new double[0][]), "",
                "A dealer, the maker and a repair shop each knew part of the owner; a shared email address and "
                        + "phone number found the three, and one profile now holds all three systems' ids.");
        resolveScatteredRecords();
    }

    /** C10 at the scale of a region: every source's records of 5,000 people, resolved by probabilistic matching. */
    private void resolveScatteredRecords() {
        ScatteredPopulation people = ScatteredPopulation.generate(5_000, 10);
        IdentityResolver resolver = IdentityResolver.create();
        Resolution resolution = resolver.resolve(people.profiles());
        ScatteredPopulation.Quality model = people.evaluate(resolution.clusters());
        ScatteredPopulation.Quality exact = people.evaluate(ScatteredPopulation.exactKeyClusters(people.profiles()));
        out.printf("  identity resolution of %,d dealer, maker and repair-shop profiles of 5,000 people: %,d merges,"
                + " %,d pairs for review%n", people.profiles().size(), resolution.matches(MatchDecision.MERGE).size(),
                resolution.matches(MatchDecision.REVIEW).size());
        ScatteredPopulation.Quality byCar = people.evaluate(IdentityResolver.builder()
                .identifiers(ScatteredPopulation.VEHICLE).build().resolve(people.profiles()).clusters());
        out.printf("    the model: %s%n    with the car's identification number too: %s%n"
                + "    exact email or phone: %s%n", model, byCar, exact);
        Map<CustomerId, Customer> byId = new HashMap<>();
        people.profiles().forEach(c -> byId.put(c.id(), c));
        CandidateMatch doubt = resolution.matches(MatchDecision.REVIEW).get(0);
        String why = resolver.explain(byId.get(doubt.left()), byId.get(doubt.right()), resolution.model()).render();
        out.print(why.lines().map(l -> "    " + l + System.lineSeparator()).collect(Collectors.joining()));
        undoWrongMerge(people, resolution, byId);
        report.bars("Pairs of profiles of one person found among 5,000 people's records",
                List.of("exact email or phone", "identity resolution", "with the car's number"),
                List.of("precision", "recall"), new double[][] {{exact.precision(), exact.recall()},
                    {model.precision(), model.recall()}, {byCar.precision(), byCar.recall()}}, "",
                "Typos, nicknames, swapped names, moves, old emails and national phone numbers hide two in five "
                        + "pairs from exact keys; the model finds most of them, and names alone go to a clerk. The "
                        + "car's number, which dealer, maker and repair shop all record, finds nearly all.");
    }

    /** A clerk merges a pair sent for review that is really two people; the merge record lets it be undone. */
    private void undoWrongMerge(ScatteredPopulation people, Resolution resolution, Map<CustomerId, Customer> byId) {
        CandidateMatch wrong = resolution.matches(MatchDecision.REVIEW).stream()
                .filter(m -> people.personOf(m.left()) != people.personOf(m.right())).findFirst().orElseThrow();
        InMemoryCustomerRepository desk = new InMemoryCustomerRepository();
        Customer kept = desk.save(byId.get(wrong.left()));
        Customer other = desk.save(byId.get(wrong.right()));
        Crm crm = Crm.builder().customers(desk).clock(Clock.fixed(C10CarMaker.UNIFIED_AT, ZoneOffset.UTC)).build();
        crm.recordTouchpoint(Touchpoint.builder().id(TouchpointId.of("service-visit-1")).customerId(other.id())
                .occurredAt(C10CarMaker.UNIFIED_AT.minus(Duration.ofDays(30))).channel(Channel.of("repair-shop"))
                .direction(Direction.INBOUND).kind(TouchpointKind.VISIT).build());
        crm.merge(kept.id(), other.id());
        Unmerged undone = crm.unmerge(other.id());
        out.printf("  a clerk merged %s (%s) into %s (%s), who are two people; undone from the merge record:"
                        + " %s is back with its %d contact point(s) and %d touchpoint(s), %s keeps its own %d%n",
                other.id(), other.name().display(), kept.id(), kept.name().display(), other.id(),
                undone.restored().contactPoints().size(), undone.touchpoints(), kept.id(),
                undone.survivor().contactPoints().size());
    }

    private void carMakerLoop() {
        heading("C11 car maker: the hotline spots purchase intent and asks before calling back");
        Instant call = C11CarMakerLoop.CALL_AT;
        Customer prospect = crm.create(C11CarMakerLoop.prospect());
        boolean before = crm.mayContact(prospect.id(), Purpose.FOLLOW_UP, Channel.PHONE, call);
        crm.recordTouchpoint(C11CarMakerLoop.hotlineCall());
        crm.recordConsent(prospect.id(), C11CarMakerLoop.permissionOnTheCall());
        boolean after = crm.mayContact(prospect.id(), Purpose.FOLLOW_UP, Channel.PHONE, call);
        out.printf("  %s, %s: %s asks about a test drive; may we call back? %s before the call, %s after%n",
                Report.when(call), "hotline", prospect.name().display(), before ? "yes" : "no", after ? "yes" : "no");
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        kinds.merge(EnumNames.of(prospect.kind()), 1L, Long::sum);
        for (Customer org : C11CarMakerLoop.organisations()) {
            crm.create(org);
            kinds.merge(EnumNames.of(org.kind()), 1L, Long::sum);
        }
        ServiceCase complaint = C11CarMakerLoop.dealerComplaint();
        out.printf("  end users followed: %s; a dealer complaint in the %s lane: %s%n", kinds,
                EnumNames.of(complaint.lane()), complaint.subject());
        report.heading("C11 car maker: every kind of end user, and permission before contact");
        report.bars("End users followed through purchase stages, by kind", List.copyOf(kinds.keySet()),
                List.of("end users"), kinds.values().stream().map(v -> new double[] {v}).toArray(double[][]::new), "",
                "The hotline call on " + Report.when(call) + " found purchase intent; a call back was allowed only"
                        + " after the caller said yes on the call (" + (before ? "yes" : "no") + " before, "
                        + (after ? "yes" : "no") + " after).");
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
    }
}
