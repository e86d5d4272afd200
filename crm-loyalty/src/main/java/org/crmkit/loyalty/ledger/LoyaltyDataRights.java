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
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.spi.CouponStore;
import org.jspecify.annotations.Nullable;

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
 *   <li><b>Export</b>: a section {@code "loyalty"} with each membership, its balance, every ledger entry, a
 *       statement from enrollment to the day of export and, {@link #withCoupons with a coupon store}, its coupons
 *       and vouchers; {@link #read} turns it back into values.</li>
 *   <li><b>Merge</b> (C10): a duplicate's membership moves to the survivor. When both were members of a program,
 *       the survivor's membership stays (number, tier and history), the duplicate's positive balance is credited to
 *       it by one adjustment naming the duplicate's member number, and the duplicate's membership and ledger are
 *       deleted; a debt is not carried over. Qualifying points do not move, so tiers are decided by the survivor's
 *       own activity.</li>
 *   <li><b>Coupons</b> ({@link #withCoupons with a coupon store}): a deleted duplicate membership's coupons move
 *       to the survivor's membership, as they stand, and go back when the merge is undone.</li>
 *   <li><b>Unmerge</b>: before a merge the duplicate's memberships are kept in the merge record (with their
 *       ledgers where they are about to be deleted); undoing the merge links a moved membership back, or stores the
 *       deleted membership and its ledger again and takes the credited balance back from the survivor by one
 *       adjustment. Points of the credit the survivor has spent since are not taken below zero: the adjustment
 *       takes what is left and names the shortfall.</li>
 * </ul>
 * Every step is idempotent, as the facade asks of participants. Thread-safe when the ledgers' stores are.
 */
public final class LoyaltyDataRights implements ErasureParticipant, ExportContributor, MergeParticipant {
    /** What erased free text reads. */
    public static final String ERASED = "[erased]";
    /** The export section's name. */
    public static final String SECTION = "loyalty";

    private final List<Ledger> ledgers;
    private final @Nullable CouponStore coupons;

    private LoyaltyDataRights(List<Ledger> ledgers, @Nullable CouponStore coupons) {
        this.ledgers = ledgers;
        this.coupons = coupons;
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
        return new LoyaltyDataRights(all, null);
    }

    /**
     * The same participant, whose export also lists each membership's coupons and vouchers (the rewards catalogue's
     * store) and whose merges move a deleted duplicate membership's coupons to the survivor's, and back on unmerge.
     * Coupons hold no free text of the customer's, so erasure leaves them as they are.
     *
     * @param store where the programs' coupons are kept
     * @return the participant
     */
    public LoyaltyDataRights withCoupons(CouponStore store) {
        return new LoyaltyDataRights(ledgers, Objects.requireNonNull(store, "store"));
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
                        ledger.statement(m.number(), enrolled, today.isBefore(enrolled) ? enrolled : today),
                        coupons == null ? List.of() : coupons.findByMember(m.number())));
            });
        }
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tree(new Section(memberships), "export the loyalty section"));
    }

    /** A value as a JSON tree, through text, so that the tree holds numbers as a reader of the text will see them. */
    private static JsonNode tree(Object value, String what) {
        try {
            return CrmJson.mapper().readTree(CrmJson.write(value));
        } catch (JacksonException e) {
            throw new CrmException("could not " + what, e);
        }
    }

    /** The key of the adjustment that credits a merged duplicate's balance; its {@code un} twin takes it back. */
    private static String mergedFrom(MemberNumber duplicate) {
        return "merged-from-" + duplicate.value().toLowerCase(Locale.ROOT);
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
            IdempotencyKey key = IdempotencyKey.of(mergedFrom(dup.number()));
            long balance = ledger.balance(dup.number());
            if (balance > 0 && ledger.store().findByKey(into, key).isEmpty()) {
                ledger.post(new Posting.Adjust(into, key, balance, ledger.clock().instant(),
                        "merged from member " + dup.number(), Source.system("merge")));
            }
            moveCoupons(dup.number(), into);
            ledger.store().deleteMember(dup.number());
            ledger.members().deleteById(dup.number());
            ledger.forget(dup.number());
        }
    }

    @Override
    public String name() {
        return SECTION;
    }

    @Override
    public Optional<JsonNode> beforeMerge(CustomerId survivor, CustomerId duplicate) {
        List<Kept> kept = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            String program = ledger.program().id();
            ledger.members().findByCustomer(program, duplicate).ifPresent(dup -> {
                boolean deleted = ledger.members().findByCustomer(program, survivor).isPresent();
                kept.add(new Kept(dup, deleted ? ledger.entries(dup.number()) : List.of(),
                        deleted && coupons != null ? coupons.findByMember(dup.number()) : List.of()));
            });
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tree(new MergeState(kept), "keep the loyalty memberships of " + duplicate
                + " for its merge"));
    }

    @Override
    public void unmerged(CustomerId survivor, CustomerId duplicate, Optional<JsonNode> before) {
        if (before.isEmpty()) {
            return;
        }
        for (Kept kept : CrmJson.read(before.get().toString(), MergeState.class).memberships()) {
            Member dup = kept.member();
            Ledger ledger = ledgers.stream().filter(l -> l.program().id().equals(dup.programId())).findFirst()
                    .orElseThrow(() -> new CrmException("the merge of " + duplicate + " kept a membership of program "
                            + dup.programId() + ", which this participant has no ledger for"));
            Optional<Member> now = ledger.members().findById(dup.number());
            if (now.isPresent()) {
                if (now.get().customerId().equals(survivor)) {
                    ledger.members().save(now.get().toBuilder().customerId(duplicate).build());
                }
                if (kept.entries().isEmpty()) {
                    continue;
                }
            } else {
                ledger.members().save(dup.withVersion(0));
            }
            // Appended after any that made it before an interruption.
            long last = ledger.store().lastSequence(dup.number());
            kept.entries().stream().filter(e -> e.sequence() > last).forEach(ledger.store()::append);
            ledger.forget(dup.number());
            takeBackCredit(ledger, survivor, dup.number());
            for (Coupon was : kept.coupons()) {               // back to the restored member, as they stand now
                Optional<Coupon> moved = coupons == null ? Optional.empty() : coupons.find(was.code());
                if (moved.isPresent() && !moved.get().member().equals(dup.number())) {
                    coupons.replace(moved.get().heldBy(dup.number(), was.key()));
                }
            }
        }
    }

    /**
     * Moves a deleted duplicate membership's coupons to the survivor's, each under the key {@code merged:<code>} (the
     * duplicate's keys may be the survivor's too, as for two lists of one day), once.
     */
    private void moveCoupons(MemberNumber from, MemberNumber into) {
        if (coupons == null) {
            return;
        }
        for (Coupon c : coupons.findByMember(from)) {
            coupons.replace(c.heldBy(into, IdempotencyKey.of("merged:" + c.code())));
        }
    }

    /** Takes back from the survivor what the merge credited from a duplicate's membership, once. */
    private static void takeBackCredit(Ledger ledger, CustomerId survivor, MemberNumber from) {
        Optional<Member> staying = ledger.members().findByCustomer(ledger.program().id(), survivor);
        if (staying.isEmpty()) {
            return;
        }
        MemberNumber into = staying.get().number();
        Optional<LedgerEntry> credit = ledger.store().findByKey(into, IdempotencyKey.of(mergedFrom(from)));
        IdempotencyKey key = IdempotencyKey.of("un" + mergedFrom(from));
        if (credit.isEmpty() || ledger.store().findByKey(into, key).isPresent()) {
            return;
        }
        long credited = ((LedgerEntry.Adjustment) credit.get()).points();
        long taken = Math.min(credited, ledger.balance(into));
        if (taken > 0) {
            String shortfall = taken < credited ? "; " + (credited - taken) + " of it spent since, not taken back" : "";
            ledger.post(new Posting.Adjust(into, key, -taken, ledger.clock().instant(),
                    "merge with member " + from + " undone: " + credited + " points credited" + shortfall,
                    Source.system("unmerge")));
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
     * @param coupons the member's coupons and vouchers, oldest first; empty when the participant knows no coupon
     *     store
     */
    public record Membership(Member member, long balance, List<LedgerEntry> entries, Statement statement,
                             List<Coupon> coupons) {
        /** Checks for nulls and copies the lists. */
        public Membership {
            Objects.requireNonNull(member, "member");
            entries = List.copyOf(entries);
            Objects.requireNonNull(statement, "statement");
            coupons = List.copyOf(coupons);
        }
    }

    /**
     * A duplicate's membership as it was before a merge, with its ledger when the merge deletes it.
     *
     * @param member the membership
     * @param entries its ledger, or empty when the membership only moves
     * @param coupons its coupons, when the merge moves them to the survivor's membership
     */
    record Kept(Member member, List<LedgerEntry> entries, @Nullable List<Coupon> coupons) {
        Kept {
            Objects.requireNonNull(member, "member");
            entries = List.copyOf(entries);
            coupons = coupons == null ? List.of() : List.copyOf(coupons);
        }
    }

    /** The layout of what a merge record keeps for this participant. */
    record MergeState(List<Kept> memberships) {
        MergeState {
            memberships = List.copyOf(memberships);
        }
    }

    /** The section's layout. */
    record Section(List<Membership> memberships) {
        Section {
            memberships = List.copyOf(memberships);
        }
    }
}
