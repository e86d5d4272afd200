package org.crmkit.examples.population;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

/**
 * A deterministic synthetic population of a supermarket's customers and a year of their purchases. The same seed
 * and size always give the same customers, each made from its own seed and index alone, so the population is
 * streamed (10 million customers never exist at once), can be read in parallel, and customer {@code i} can be
 * made on its own with {@link #customer(long)}. Immutable and thread-safe.
 *
 * <p>The mixes: usage heavy 20% / medium 30% / light 50%; brand loyalty national 35% / store 25% / switcher 40%;
 * households with pets 25% / young families 20% / others 55%; loyalty members 60%; marketing consent by email
 * granted by 70%; one customer in fifty is an organization, looked after by one of five account managers. Each purchase has one to four lines from produce,
 * dairy, bakery, household and pain relief, plus pet food or baby products for those households; the brand
 * follows the customer's loyalty.
 */
public final class SyntheticPopulation {
    /** The smallest population. */
    public static final long MIN_SIZE = 1_000;
    /** The largest population. */
    public static final long MAX_SIZE = 10_000_000;
    /** The tag of pet owners. */
    public static final String PET_OWNER = "pet-owner";
    /** The tag of young families. */
    public static final String YOUNG_FAMILY = "young-family";
    /** The tag of loyalty members. */
    public static final String MEMBER = "member";
    /** The national brand. */
    public static final String NATIONAL = "national";
    /** The store's own brand. */
    public static final String STORE = "store";
    /** The categories every household buys. */
    public static final List<String> EVERYDAY = List.of("produce", "dairy", "bakery", "household", "pain-relief");

    private static final String[] FIRST = {"Ann", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan",
        "Jo", "Kofi", "Lea", "Mei", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas"};
    private static final String[] LAST = {"Lee", "Garcia", "Okafor", "Smith", "Nguyen", "Kowalski", "Haddad",
        "Rossi", "Tanaka", "Silva", "Jensen", "Moreau"};
    private static final Duration YEAR = Duration.ofDays(364);
    private static final double[] MEAN_DAYS_BETWEEN = {3.5, 14, 30};

    private final long seed;
    private final long size;
    private final Instant end;

    private SyntheticPopulation(long seed, long size, Instant end) {
        this.seed = seed;
        this.size = size;
        this.end = end;
    }

    /**
     * A population whose year of purchases ends at {@code end}.
     *
     * @param seed the seed; the same seed gives the same population
     * @param size how many customers, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @param end the end of the year of purchases (exclusive)
     * @return the population
     * @throws RuleViolationException when the size is out of range
     */
    public static SyntheticPopulation of(long seed, long size, Instant end) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new RuleViolationException("population size must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + ": " + size);
        }
        return new SyntheticPopulation(seed, size, Objects.requireNonNull(end, "end"));
    }

    /** {@return how many customers} */
    public long size() {
        return size;
    }

    /** {@return the seed} */
    public long seed() {
        return seed;
    }

    /** {@return the end of the year of purchases} */
    public Instant end() {
        return end;
    }

    /** {@return the customers in index order, made lazily} */
    public Stream<SyntheticCustomer> stream() {
        return LongStream.range(0, size).mapToObj(this::customer);
    }

    /**
     * Makes one customer.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the customer with that index, the same on every call
     */
    public SyntheticCustomer customer(long index) {
        if (index < 0 || index >= size) {
            throw new RuleViolationException("customer index must be between 0 and " + (size - 1) + ": " + index);
        }
        // Each customer has its own generator, derived from the seed and the index only.
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Trait.Usage usage = pick(r, Trait.Usage.values(), 20, 30, 50);
        Trait.Loyalty loyalty = pick(r, Trait.Loyalty.values(), 35, 25, 40);
        Trait.Household household = pick(r, Trait.Household.values(), 25, 20, 55);
        boolean member = r.nextInt(100) < 60;
        boolean consents = r.nextInt(100) < 70;
        boolean organization = r.nextInt(50) == 0;

        CustomerId id = CustomerId.of(String.format("c%08d", index));
        Instant createdAt = end.minus(YEAR).minus(Duration.ofDays(r.nextInt(3 * 365)));
        List<String> tags = new ArrayList<>(3);
        if (household == Trait.Household.PET_OWNER) {
            tags.add(PET_OWNER);
        } else if (household == Trait.Household.YOUNG_FAMILY) {
            tags.add(YOUNG_FAMILY);
        }
        if (member) {
            tags.add(MEMBER);
        }
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        Customer.Builder b = Customer.builder().id(id)
                .kind(organization ? CustomerKind.ORGANIZATION : CustomerKind.PERSON)
                .name(organization ? Name.organization(last + " & Co") : Name.person(first, last))
                .addContactPoint(ContactPoint.verified(EmailAddress.of(
                        first.toLowerCase(Locale.ROOT) + "." + id.value() + "@example.com")))
                .lifecycleStage(usage == Trait.Usage.LIGHT && r.nextInt(4) == 0 ? LifecycleStage.LAPSED
                        : LifecycleStage.CUSTOMER)
                .tags(tags).createdAt(createdAt);
        if (organization) {
            b.accountManager(StaffId.of("manager-" + (1 + r.nextInt(5))));
        }
        if (consents) {
            b.consents(List.of(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, createdAt, "sign-up")));
        }
        return new SyntheticCustomer(b.build(), purchases(r, id, usage, loyalty, household), usage, loyalty,
                household, member, consents);
    }

    private List<Touchpoint> purchases(SplittableRandom r, CustomerId id, Trait.Usage usage, Trait.Loyalty loyalty,
            Trait.Household household) {
        double meanDays = MEAN_DAYS_BETWEEN[usage.ordinal()];
        List<Touchpoint> out = new ArrayList<>();
        Instant start = end.minus(YEAR);
        // Exponential gaps: purchases arrive as a Poisson process at the customer's rate.
        double t = -Math.log(1 - r.nextDouble()) * meanDays;
        for (int n = 0; t < 364; n++) {
            Instant at = start.plusSeconds((long) (t * 86_400)).atZone(ZoneOffset.UTC).withNano(0).toInstant();
            int lines = 1 + r.nextInt(4);
            List<LineItem> items = new ArrayList<>(lines);
            for (int l = 0; l < lines; l++) {
                String category = category(r, household);
                String brand = brand(r, loyalty);
                int cents = (brand.equals(STORE) ? 150 : 250) + r.nextInt(900);
                items.add(LineItem.of(category + "-" + brand, category, brand, 1 + r.nextInt(3),
                        Money.of(BigDecimal.valueOf(cents, 2), "USD")));
            }
            out.add(Touchpoint.builder().id(TouchpointId.of(id.value() + "-p" + n)).customerId(id).occurredAt(at)
                    .channel(r.nextInt(5) == 0 ? Channel.WEB : Channel.COUNTER).direction(Direction.INBOUND)
                    .kind(TouchpointKind.PURCHASE).lineItems(items).build());
            t += -Math.log(1 - r.nextDouble()) * meanDays;
        }
        return out;
    }

    private static String category(SplittableRandom r, Trait.Household household) {
        if (household == Trait.Household.PET_OWNER && r.nextInt(3) == 0) {
            return "pet-food";
        }
        if (household == Trait.Household.YOUNG_FAMILY && r.nextInt(3) == 0) {
            return "baby";
        }
        return EVERYDAY.get(r.nextInt(EVERYDAY.size()));
    }

    private static String brand(SplittableRandom r, Trait.Loyalty loyalty) {
        return switch (loyalty) {
            case NATIONAL -> r.nextInt(10) == 0 ? STORE : NATIONAL;
            case STORE -> r.nextInt(10) == 0 ? NATIONAL : STORE;
            case SWITCHER -> r.nextBoolean() ? NATIONAL : STORE;
        };
    }

    private static <E> E pick(SplittableRandom r, E[] values, int... percents) {
        int x = r.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            x -= percents[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Stafford's mix 13, so neighbouring indexes give unrelated generators. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
