package org.crmkit.loyalty.ledger;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.crmkit.core.CrmException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.privacy.ErasureParticipant;
import org.crmkit.core.privacy.ExportContributor;
import org.crmkit.core.privacy.MergeParticipant;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * crm-loyalty's part in customers' data rights, over one ledger per program. Register it on the facade three
 * times, once per role:
 * <pre>{@code
 * LoyaltyDataRights loyalty = LoyaltyDataRights.of(skyMiles, hotelPoints);
 * Crm crm = Crm.builder().erasureParticipant(loyalty).exportContributor(loyalty).mergeParticipant(loyalty)...build();
 * }</pre>
 * <ul>
 *   <li><b>Erasure</b>: each membership is linked to the anonymous id instead of the customer, and every free text
 *       of its ledger (the reasons; reward names are codes of the program's catalogue) becomes
 *       {@value #ERASED}. Points, sequences, keys, lots and dates
 *       stay, so balances and statements add up as before.</li>
 *   <li><b>Export</b>: a section {@code "loyalty"} with each membership, its balance, every ledger entry and a
 *       statement from enrollment to the day of export; {@link #read} turns it back into values.</li>
 *   <li><b>Merge</b> (C10): a duplicate's membership moves to the survivor. When both were members of a program,
 *       the survivor's membership stays (number, tier and history), the duplicate's positive balance is credited to
 *       it by one adjustment naming the duplicate's member number, and the duplicate's membership and ledger are
 *       deleted; a debt is not carried over. Qualifying points do not move, so tiers are decided by the survivor's
 *       own activity.</li>
 * </ul>
 * Every step is idempotent, as the facade asks of participants. Thread-safe when the ledgers' stores are.
 */
public final class LoyaltyDataRights implements ErasureParticipant, ExportContributor, MergeParticipant {
    /** What erased free text reads. */
    public static final String ERASED = "[erased]";
    /** The export section's name. */
    public static final String SECTION = "loyalty";

    private final List<Ledger> ledgers;

    private LoyaltyDataRights(List<Ledger> ledgers) {
        this.ledgers = ledgers;
    }

    /**
     * Data rights over the given ledgers.
     *
     * @param ledgers one per program, at least one
     * @return the participant
     */
    public static LoyaltyDataRights of(Ledger... ledgers) {
        List<Ledger> all = List.of(ledgers);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("ledgers must not be empty");
        }
        return new LoyaltyDataRights(all);
    }

    @Override
    public String erase(CustomerId customer, CustomerId anonymous) {
        List<String> done = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            String program = ledger.program().id();
            // On a re-run the membership may already be linked to the anonymous id.
            Optional<Member> member = ledger.members().findByCustomer(program, customer)
                    .or(() -> ledger.members().findByCustomer(program, anonymous));
            if (member.isEmpty()) {
                continue;
            }
            MemberNumber number = member.get().number();
            List<LedgerEntry> entries = ledger.entries(number);
            ledger.store().rewrite(number, entries.stream().map(LoyaltyDataRights::scrubbed).toList());
            if (!member.get().customerId().equals(anonymous)) {
                ledger.members().save(member.get().toBuilder().customerId(anonymous).build());
            }
            done.add("loyalty program " + program + ": member " + number + " unlinked from the customer; the reasons"
                    + " of " + entries.size() + " ledger entries (points, lots and dates kept)");
        }
        return String.join("; ", done);
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Optional<JsonNode> export(CustomerId customer) {
        List<Membership> memberships = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            ledger.members().findByCustomer(ledger.program().id(), customer).ifPresent(m -> {
                LocalDate today = LocalDate.ofInstant(ledger.clock().instant(), ZoneOffset.UTC);
                LocalDate enrolled = LocalDate.ofInstant(m.enrolledAt(), ZoneOffset.UTC);
                memberships.add(new Membership(m, ledger.balance(m.number()), ledger.entries(m.number()),
                        ledger.statement(m.number(), enrolled, today.isBefore(enrolled) ? enrolled : today)));
            });
        }
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        // Through text, so that the tree holds numbers as a reader of the export will see them.
        String text = CrmJson.write(new Section(memberships));
        try {
            return Optional.of(CrmJson.mapper().readTree(text));
        } catch (JacksonException e) {
            throw new CrmException("could not export the loyalty section", e);
        }
    }

    /**
     * Reads the section this contributor wrote into an export.
     *
     * @param section the export's {@value #SECTION} section
     * @return the memberships
     * @throws org.crmkit.core.InvalidDefinitionException when the section is not one this contributor wrote
     */
    public static List<Membership> read(JsonNode section) {
        Objects.requireNonNull(section, "section");
        return CrmJson.read(section.toString(), Section.class).memberships();
    }

    @Override
    public void merged(CustomerId survivor, CustomerId duplicate) {
        for (Ledger ledger : ledgers) {
            String program = ledger.program().id();
            Optional<Member> moving = ledger.members().findByCustomer(program, duplicate);
            if (moving.isEmpty()) {
                continue;
            }
            Member dup = moving.get();
            Optional<Member> staying = ledger.members().findByCustomer(program, survivor);
            if (staying.isEmpty()) {
                ledger.members().save(dup.toBuilder().customerId(survivor).build());
                continue;
            }
            MemberNumber into = staying.get().number();
            IdempotencyKey key = IdempotencyKey.of("merged-from-" + dup.number().value().toLowerCase(
                    Locale.ROOT));
            long balance = ledger.balance(dup.number());
            if (balance > 0 && ledger.store().findByKey(into, key).isEmpty()) {
                ledger.post(new Posting.Adjust(into, key, balance, ledger.clock().instant(),
                        "merged from member " + dup.number(), Source.system("merge")));
            }
            ledger.store().deleteMember(dup.number());
            ledger.members().deleteById(dup.number());
            ledger.forget(dup.number());
        }
    }

    /** An entry with its free text (the reason) erased and everything else as it was. */
    static LedgerEntry scrubbed(LedgerEntry entry) {
        RecordComponent[] components = entry.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Object value = components[i].getAccessor().invoke(entry);
                if (value instanceof LedgerEntry.Stamp s) {
                    value = new LedgerEntry.Stamp(s.member(), s.sequence(), s.key(), s.at(), ERASED, s.source());
                }
                values[i] = value;
            }
            Constructor<?> canonical = entry.getClass().getDeclaredConstructor(types);
            return (LedgerEntry) canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new CrmException("could not erase the text of ledger entry " + entry.sequence() + " of "
                    + entry.member(), cause);
        }
    }

    /**
     * One membership as exported: the member, its balance, every ledger entry and a statement from enrollment to
     * the day of export.
     *
     * @param member the member
     * @param balance the balance at export
     * @param entries every ledger entry, in sequence order
     * @param statement the statement from the enrollment date to the export date
     */
    public record Membership(Member member, long balance, List<LedgerEntry> entries, Statement statement) {
        /** Checks for nulls and copies the list. */
        public Membership {
            Objects.requireNonNull(member, "member");
            entries = List.copyOf(entries);
            Objects.requireNonNull(statement, "statement");
        }
    }

    /** The section's layout. */
    record Section(List<Membership> memberships) {
        Section {
            memberships = List.copyOf(memberships);
        }
    }
}
