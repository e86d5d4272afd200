package org.crmkit.loyalty.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.core.common.Decimals;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.privacy.PartnerRecord;
import org.crmkit.core.servicelevel.BusinessCalendar;
import org.crmkit.core.servicelevel.Selector;
import org.crmkit.core.servicelevel.ServiceLevelPolicy;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactReader;
import org.crmkit.segmentation.rule.Facts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every public constructor and static factory of crm-core, crm-segmentation and crm-loyalty that takes text,
 * found by reflection so that a new one cannot be forgotten, refuses a payment card number in each text argument and
 * never repeats it in a message. Each entry point is first called with ordinary values until a call succeeds; then
 * each text argument in turn is replaced by a card number.
 */
class CardNumberEntryPointsProperties {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    /** Text that one entry point or another accepts: codes, ids, dates, durations, keys, addresses, zones. */
    private static final List<String> TEXTS = List.of("abc", "ABC-123", "a", "dining:food", "dealer:D1",
            "2026-01-05", "2026-01-05T10:00:00Z", "P1D", "USD", "12.50 USD", "a@example.com", "+12125550142", "US",
            "09:00-17:00", "UTC", "monday", "1", "abc def", "start-moved", "0004", "eq", "crmkit-customer-export/2",
            "AAAAAAAAAAAAAAAAAAAAAA", "case:abc");

    /** What is not an entry point for stored text, and why. */
    private static final Map<String, Predicate<Executable>> EXCLUDED = Map.of(
            "compiler-generated enum lookups", e -> e instanceof Method m && m.getName().equals("valueOf")
                    && m.getDeclaringClass().isEnum(),
            "exception messages, which crmkit writes itself", e -> Throwable.class.isAssignableFrom(
                    e.getDeclaringClass()),
            "the card-number scanner, which inspects text for card numbers", e -> e.getDeclaringClass()
                    == CardNumbers.class,
            "numbers written as text (amounts), not stored text", e -> e.getDeclaringClass() == Money.class,
            "readers of whole JSON documents, whose texts reach the value constructors checked here",
            e -> e.getDeclaringClass().getName().endsWith(".CrmJson")
                    || e.getDeclaringClass().getName().endsWith(".TreeReader"),
            "enumeration spellings, read into constants and never stored as text",
            e -> e.getDeclaringClass().getName().endsWith(".EnumNames"),
            "checks that take the name of the field they check", e -> e.getDeclaringClass() == Decimals.class
                    || e instanceof Method m && Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("require"));

    /** Ordinary values made so far, by type; empty where none could be made. Before the probes, which use it. */
    private static final Map<Class<?>, Optional<Object>> VALUES = new HashMap<>();
    private static final List<Probe> PROBES = probes();

    /** An entry point and arguments with which it succeeds. */
    record Probe(Executable entryPoint, Object[] baseline) {
        @Override
        public String toString() {
            return entryPoint.getDeclaringClass().getSimpleName() + "." + (entryPoint instanceof Constructor<?>
                    ? "<init>" : entryPoint.getName()) + Arrays.toString(entryPoint.getParameterTypes());
        }
    }

    @Provide
    Arbitrary<String> cardNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(15)
                .map(d -> "4" + d.substring(1))
                .map(d -> d + luhnDigit(d));
        return Arbitraries.oneOf(digits, digits.map(d -> d.replaceAll("(.{4})(?!$)", "$1 ")),
                digits.map(d -> d.replaceAll("(.{4})(?!$)", "$1-")), digits.map(d -> "card " + d + " please"));
    }

    private static char luhnDigit(String fifteen) {
        int sum = 0;
        for (int i = 0; i < fifteen.length(); i++) {
            int d = fifteen.charAt(fifteen.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    @Property(tries = 20)
    void everyTextEntryPointRefusesACardNumberWithoutRepeatingIt(@ForAll("cardNumbers") String card) {
        assertTrue(CardNumbers.containsCardNumber(card), card);
        String digits = card.replaceAll("[^0-9]", "");
        List<String> failures = new ArrayList<>();
        for (Probe probe : PROBES) {
            Class<?>[] types = probe.entryPoint().getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i] != String.class && types[i] != CharSequence.class) {
                    continue;
                }
                Object[] args = probe.baseline().clone();
                args[i] = card;
                Throwable thrown = call(probe.entryPoint(), args);
                if (thrown == null) {
                    failures.add(probe + " accepted a card number as argument " + i);
                    continue;
                }
                for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (t.getMessage() != null && t.getMessage().replaceAll("[^0-9]", "").contains(digits)) {
                        failures.add(probe + " repeated the card number: " + CardNumbers.mask(t.getMessage()));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Property(tries = 1)
    void everyTextEntryPointIsProbedOrExcludedForAReason() {
        List<Executable> all = textEntryPoints();
        Set<Executable> probed = PROBES.stream().map(Probe::entryPoint).collect(Collectors.toSet());
        List<String> unprobed = all.stream().filter(e -> !probed.contains(e))
                .filter(e -> EXCLUDED.values().stream().noneMatch(p -> p.test(e))).map(Executable::toString)
                .sorted().toList();
        assertEquals(List.of(), unprobed, "entry points with no baseline call: give them one or a reason");
        assertTrue(PROBES.size() > 100, "probed " + PROBES.size() + " of " + all.size());
    }

    // ---- finding the entry points -------------------------------------------------------------------------------

    static List<Executable> textEntryPoints() {
        List<Executable> out = new ArrayList<>();
        for (Class<?> c : publicClasses()) {
            List<Executable> candidates = new ArrayList<>();
            if (!Modifier.isAbstract(c.getModifiers())) {
                candidates.addAll(Arrays.asList(c.getConstructors()));
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    candidates.add(m);
                }
            }
            for (Executable e : candidates) {
                if (Arrays.stream(e.getParameterTypes()).anyMatch(t -> t == String.class || t == CharSequence.class)) {
                    out.add(e);
                }
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private static List<Class<?>> publicClasses() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        TreeSet<String> names = new TreeSet<>();
        for (String entry : path.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.map(f -> p.relativize(f).toString().replace(File.separatorChar, '/')).forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.endsWith(".jar") && Files.exists(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    jar.stream().map(j -> j.getName()).forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            if (!n.matches("org/crmkit/(core|segmentation|loyalty)/.*\\.class") || n.contains("/internal/")
                    || n.endsWith("package-info.class") || n.endsWith("module-info.class")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(n.replace('/', '.').replaceAll("\\.class$", ""), false,
                        CardNumberEntryPointsProperties.class.getClassLoader());
                if (isPublicApi(c)) {
                    out.add(c);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(n, e);
            }
        }
        return out;
    }

    private static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    // ---- baseline calls -----------------------------------------------------------------------------------------

    private static List<Probe> probes() {
        List<Probe> out = new ArrayList<>();
        for (Executable e : textEntryPoints()) {
            if (EXCLUDED.values().stream().anyMatch(p -> p.test(e))) {
                continue;
            }
            baseline(e).ifPresent(args -> out.add(new Probe(e, args)));
        }
        return out;
    }

    private static Optional<Object[]> baseline(Executable e) {
        Optional<Object[]> fromInstance = fromInstance(e);
        if (fromInstance.isPresent()) {
            return fromInstance;
        }
        Class<?>[] types = e.getParameterTypes();
        Object[] args = new Object[types.length];
        List<Integer> slots = new ArrayList<>();
        List<List<?>> choices = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            List<?> options = options(types[i]);
            if (options != null) {
                slots.add(i);
                choices.add(options);
                args[i] = options.get(0);
            } else if (types[i] == Instant.class) {
                args[i] = T.plus(Duration.ofHours(i)); // later parameters later: from before until
            } else {
                Optional<Object> v = value(types[i], 0);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                args[i] = v.get();
            }
        }
        return search(e, args, slots, choices, 0) ? Optional.of(args) : Optional.empty();
    }

    /** The values tried for texts and collections, whose valid contents differ from one entry point to another. */
    private static List<?> options(Class<?> type) {
        if (type == String.class || type == CharSequence.class) {
            return TEXTS;
        }
        if (type == List.class || type == Collection.class) {
            return List.of(List.of(), List.of("abc"));
        }
        if (type == Set.class) {
            return List.of(Set.of(), Set.of("abc"));
        }
        return null;
    }

    /**
     * For a record's canonical constructor, the components of an instance made another way (a builder): the
     * constructor of a record with many parts is easier to call with parts that already fit together.
     */
    private static Optional<Object[]> fromInstance(Executable e) {
        Class<?> type = e.getDeclaringClass();
        if (!(e instanceof Constructor<?>) || !type.isRecord() || e.getParameterCount()
                != type.getRecordComponents().length) {
            return Optional.empty();
        }
        Optional<Object> instance = known(type);
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        Object[] args = new Object[e.getParameterCount()];
        try {
            for (int i = 0; i < args.length; i++) {
                args[i] = type.getRecordComponents()[i].getAccessor().invoke(instance.get());
            }
        } catch (ReflectiveOperationException ex) {
            return Optional.empty();
        }
        return call(e, args) == null ? Optional.of(args) : Optional.empty();
    }

    /** Tries every combination of the options over the slots while that stays small; the first of each past it. */
    private static boolean search(Executable e, Object[] args, List<Integer> slots, List<List<?>> choices,
            int from) {
        if (from == slots.size()) {
            return call(e, args) == null;
        }
        List<?> options = from < 4 ? choices.get(from) : choices.get(from).subList(0, 1);
        for (Object o : options) {
            args[slots.get(from)] = o;
            if (search(e, args, slots, choices, from + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable call(Executable e, Object[] args) {
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                ((Method) e).invoke(null, args);
            }
            return null;
        } catch (InvocationTargetException ite) {
            return ite.getCause() == null ? ite : ite.getCause();
        } catch (ReflectiveOperationException | IllegalArgumentException other) {
            return other;
        }
    }

    /** An ordinary value of a type, made from a few known ones, factories and constructors; empty when none. */
    private static Optional<Object> value(Class<?> type, int depth) {
        Optional<Object> known = known(type);
        if (known.isPresent() || depth > 3) {
            return known;
        }
        if (VALUES.containsKey(type)) {
            return VALUES.get(type);
        }
        VALUES.put(type, Optional.empty()); // no cycles
        Optional<Object> made = make(type, depth);
        VALUES.put(type, made);
        return made;
    }

    private static Optional<Object> known(Class<?> type) {
        Object v = type == int.class || type == Integer.class ? (Object) 1
                : type == long.class || type == Long.class ? (Object) 1L
                : type == double.class || type == Double.class ? (Object) 0.5
                : type == boolean.class || type == Boolean.class ? (Object) Boolean.FALSE
                : type == BigDecimal.class ? BigDecimal.valueOf(2)
                : type == Instant.class ? T
                : type == LocalDate.class ? LocalDate.of(2026, 1, 5)
                : type == LocalTime.class ? LocalTime.NOON
                : type == Duration.class ? Duration.ofDays(1)
                : type == ZoneId.class ? ZoneOffset.UTC
                : type == Currency.class ? Currency.getInstance("USD")
                : type == YearMonth.class ? YearMonth.of(2029, 1)
                : type == MonthDay.class ? MonthDay.of(1, 5)
                : type == Year.class ? Year.of(1980)
                : type == List.class || type == Collection.class ? List.of()
                : type == Set.class ? Set.of()
                : type == Map.class ? Map.of()
                : type == Optional.class ? Optional.empty()
                : type == Function.class ? Function.identity()
                : type == double[].class ? new double[] {0.5}
                : type == String[].class ? new String[] {"abc"}
                : type == Throwable.class ? new RuntimeException("cause")
                : type == ContactAddress.class ? EmailAddress.of("a@example.com")
                : type == Condition.class ? Facts.tags().contains("vip")
                : type == FactCatalog.class ? FactCatalog.installed()
                : type == Customer.class ? Customer.builder().id(org.crmkit.core.customer.CustomerId.of("c-1"))
                        .name(Name.person("Ann", "Lee")).createdAt(T).build()
                : type == BusinessCalendar.class ? BusinessCalendar.aroundTheClock()
                : type == FactReader.class ? (FactReader) subject -> null
                : type == Money.class ? Money.of("10.00", "USD")
                : type == PartnerRecord.class ? new PartnerRecord("0123abcdef0123abcdef0123abcdef01", "30-39", "902", 1,
                        Map.of())
                : type == PostalAddress.class ? PostalAddress.of("1 Main St", null, "Springfield", "US")
                : type == ServiceLevelStandard.class ? ServiceLevelStandard.builder().id(StandardId.of("replace"))
                        .name("Card replacement").dimension(org.crmkit.core.servicelevel.Dimension.TIMELINESS)
                        .startOn("requested").stopOn("delivered").target(Duration.ofDays(2)).goal(0.95).build()
                : type == Selector.class ? Selector.ANY
                // Two members: the generic member number would make a transfer to itself, which is refused.
                : type == org.crmkit.loyalty.ledger.Posting.Transfer.class ? new org.crmkit.loyalty.ledger.Posting
                        .Transfer(org.crmkit.loyalty.member.MemberNumber.of("M-1"),
                        org.crmkit.loyalty.member.MemberNumber.of("M-2"),
                        org.crmkit.loyalty.ledger.IdempotencyKey.of("k-1"), 1, T, "gift")
                // Redeemed, so that its reference, which only a redeemed coupon has, is probed too.
                : type == org.crmkit.loyalty.reward.Coupon.class ? new org.crmkit.loyalty.reward.Coupon("ABCDE-12345",
                        "pet-food", org.crmkit.loyalty.member.MemberNumber.of("M-1"),
                        org.crmkit.loyalty.ledger.IdempotencyKey.of("k-1"), Money.of("2.00", "USD"), 0, T, T,
                        T.plus(Duration.ofDays(1)), org.crmkit.loyalty.reward.Coupon.Status.REDEEMED, T, "sale-1", 1)
                : type == ServiceLevelPolicy.Metric[].class ? new ServiceLevelPolicy.Metric[] {
                        ServiceLevelPolicy.Metric.of((ServiceLevelStandard) known(ServiceLevelStandard.class).get())}
                : type == ServiceLevelPolicy.class ? ServiceLevelPolicy.of("policy", Selector.ANY,
                        (ServiceLevelPolicy.Metric[]) known(ServiceLevelPolicy.Metric[].class).get())
                : type.isEnum() ? type.getEnumConstants()[0]
                : null;
        return Optional.ofNullable(v);
    }

    private static Optional<Object> make(Class<?> type, int depth) {
        List<Executable> makers = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
                makers.add(m);
            }
        }
        if (!Modifier.isAbstract(type.getModifiers())) {
            makers.addAll(Arrays.asList(type.getConstructors()));
        }
        makers.sort((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()));
        for (Executable maker : makers) {
            Class<?>[] types = maker.getParameterTypes();
            Object[] args = new Object[types.length];
            List<Integer> slots = new ArrayList<>();
            List<List<?>> choices = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < types.length && ok; i++) {
                List<?> options = options(types[i]);
                if (options != null) {
                    slots.add(i);
                    choices.add(options);
                    args[i] = options.get(0);
                } else {
                    Optional<Object> v = value(types[i], depth + 1);
                    ok = v.isPresent();
                    args[i] = v.orElse(null);
                }
            }
            if (ok && slots.size() <= 2 && search(maker, args, slots, choices, 0)) {
                try {
                    Object made = maker instanceof Constructor<?> c ? c.newInstance(args)
                            : ((Method) maker).invoke(null, args);
                    if (made != null) {
                        return Optional.of(made);
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // try the next maker
                }
            }
        }
        return Optional.empty();
    }

    @Property(tries = 1)
    void theProbesCallTheLibraryNotTheJdk() {
        for (Probe p : PROBES) {
            if (!p.entryPoint().getDeclaringClass().getName().startsWith("org.crmkit.")) {
                fail(p.toString());
            }
        }
    }
}
