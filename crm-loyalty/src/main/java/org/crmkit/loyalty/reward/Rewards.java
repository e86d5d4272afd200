package org.crmkit.loyalty.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.crmkit.core.CrmException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.common.Money;
import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.ledger.IdempotencyConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryCouponStore;
import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.segmentation.analysis.OfferLists;
import org.jspecify.annotations.Nullable;

/**
 * A program's rewards catalogue of coupons and vouchers: issues them within each campaign's stock and per-member
 * limit, sells vouchers for points through the program's ledger, and redeems each once. Every operation is safe to
 * repeat: issuing or buying again under a key returns the coupon issued under it, redeeming again against the same
 * reference returns the redeemed coupon. Thread-safe when its stores are.
 *
 * <pre>{@code
 * Rewards rewards = Rewards.builder(ledger).campaign(petFood).store(couponStore).build();
 * Coupon c = rewards.issue("pet-food", member, IdempotencyKey.of("list-2026-03-02"));
 * rewards.redeem(c.code(), member, "sale-1842");
 * }</pre>
 */
public final class Rewards {
    private static final int CODE_ATTEMPTS = 8;
    private static final int CHANGE_ATTEMPTS = 16;

    private final Ledger ledger;
    private final Map<String, Campaign> campaigns;
    private final CouponStore store;
    private final Supplier<String> codes;
    private final Clock clock;

    private Rewards(Builder b) {
        this.ledger = b.ledger;
        this.campaigns = Map.copyOf(b.campaigns);
        this.store = b.store;
        this.codes = b.codes;
        this.clock = b.clock;
    }

    /**
     * Starts a catalogue over a program's ledger.
     *
     * @param ledger the ledger vouchers are paid from; its members hold the coupons
     * @return a builder
     */
    public static Builder builder(Ledger ledger) {
        return new Builder(ledger);
    }

    /** {@return the campaign with the code} @param code the code @throws NotFoundException when none has it */
    public Campaign campaign(String code) {
        Campaign c = campaigns.get(Objects.requireNonNull(code, "campaign"));
        if (c == null) {
            throw new NotFoundException("campaign", Checks.quoted(code));
        }
        return c;
    }

    /**
     * Gives a member a coupon of a campaign at its usual value.
     *
     * @param campaign the campaign's code
     * @param member the member
     * @param key the issue key: issuing under it again returns the same coupon
     * @return the coupon
     * @throws RuleViolationException when the campaign has ended, is out of stock or the member holds as many as
     *     one may
     */
    public Coupon issue(String campaign, MemberNumber member, IdempotencyKey key) {
        return issue(campaign, member, key, campaign(campaign).value());
    }

    /**
     * Gives a member a coupon of a campaign at a value of its own (C8's deeper discount for the heaviest buyers).
     * A voucher's campaign may be given too, as a goodwill gesture: the coupon then costs nothing.
     *
     * @param campaign the campaign's code
     * @param member the member
     * @param key the issue key: issuing under it again returns the same coupon
     * @param value its value, positive, at most the campaign's {@code maxValue}, in its currency
     * @return the coupon
     * @throws RuleViolationException when the value is out of bounds, the campaign has ended, is out of stock or the
     *     member holds as many as one may
     */
    public Coupon issue(String campaign, MemberNumber member, IdempotencyKey key, Money value) {
        Campaign c = campaign(campaign);
        Checks.notNull("member", member);
        Checks.notNull("key", key);
        Checks.notNull("value", value);
        Optional<Coupon> held = held(c, member, key);
        if (held.isPresent()) {
            return held.get();
        }
        if (!value.currency().equals(c.value().currency()) || value.amount().signum() <= 0
                || value.compareTo(c.maxValue()) > 0) {
            throw new RuleViolationException("coupon value must be positive and at most campaign " + c.code()
                    + "'s maxValue " + c.maxValue() + ": " + value);
        }
        Instant now = open(c, member);
        Outcome o = store(c, member, key, value, 0, now);
        if (o.refusal != null) {
            throw o.refusal;
        }
        return o.coupon;
    }

    /**
     * Sells a member a voucher for the campaign's points: the ledger is debited under {@code voucher:<key>} and the
     * voucher issued. When the voucher cannot be issued after the debit (another member took the last one, or the
     * campaign ended before a cut-off purchase was repeated), the points are given back under
     * {@code voucher-refund:<key>}. Buying again under the key returns the voucher, or
     * completes a purchase cut off between the debit and the issue without debiting again.
     *
     * @param campaign a voucher campaign's code
     * @param member the member
     * @param key the purchase's key, at most 185 characters
     * @return the voucher
     * @throws RuleViolationException when the campaign sells no vouchers, has ended, is out of stock, the member
     *     holds as many as one may or lacks the points
     */
    public Coupon buy(String campaign, MemberNumber member, IdempotencyKey key) {
        Campaign c = campaign(campaign);
        Checks.notNull("member", member);
        Checks.notNull("key", key);
        Optional<Coupon> held = held(c, member, key);
        if (held.isPresent()) {
            return held.get();
        }
        if (!c.sellsVouchers()) {
            throw new RuleViolationException("campaign " + c.code() + " gives coupons; it sells no vouchers");
        }
        if (key.value().length() > 185) {
            throw new RuleViolationException("a voucher's key must be at most 185 characters: " + key.value().length());
        }
        IdempotencyKey debit = IdempotencyKey.of("voucher:" + key.value());
        IdempotencyKey refund = IdempotencyKey.of("voucher-refund:" + key.value());
        if (ledger.entry(member, refund).isPresent()) {
            throw new RuleViolationException("the purchase of a " + c.code() + " voucher under key " + key
                    + " was refused and its points given back; buy under a new key");
        }
        Optional<LedgerEntry> paid = ledger.entry(member, debit);     // a purchase cut off after its debit
        Instant now;
        try {
            now = open(c, member);
            // Checked before the debit too, so a refusal costs no points in the common case; store() decides.
            if (store.issued(c.code()) >= c.stock()) {
                throw outOfStock(c);
            }
            if (store.findByMember(member).stream().filter(h -> h.campaign().equals(c.code())).count()
                    >= c.perMember()) {
                throw limitReached(c, member);
            }
        } catch (RuleViolationException refused) {
            if (paid.isPresent()) {                                   // the campaign ended or ran out since
                giveBack(member, refund, debit, clock.instant(), refused, c);
            }
            throw refused;
        }
        Instant at = paid.map(LedgerEntry::at).orElse(now);
        // No catalogue reward: the campaign, named as the source, is the catalogue entry.
        ledger.post(new Posting.Redeem(member, debit, c.pointsCost(), null, at, "voucher: " + c.description(),
                Source.promotion(c.code())));
        Outcome o = store(c, member, key, c.value(), c.pointsCost(), now);
        if (o.refusal != null) {
            giveBack(member, refund, debit, now, o.refusal, c);
            throw o.refusal;
        }
        return o.coupon;
    }

    /**
     * Issues the coupons a C8 shopping list carries, one per line, each from the campaign whose code is the line's
     * item, at the line's value, under the key {@code list:<issue day>:<item>}. A line refused (out of stock, over a
     * limit) leaves the others issued.
     *
     * @param list the member's list
     * @param member the member the list's customer holds
     * @return the coupons issued and the refusals, by item
     */
    public ListCoupons issue(OfferLists.ShoppingList list, MemberNumber member) {
        Checks.notNull("list", list);
        Map<String, Coupon> issued = new LinkedHashMap<>();
        Map<String, CrmException> refused = new LinkedHashMap<>();
        for (OfferLists.Line line : list.lines()) {
            try {
                IdempotencyKey key = IdempotencyKey.of("list:" + list.issuedOn() + ":" + line.item());
                issued.put(line.item(), issue(line.item(), member, key, line.coupon()));
            } catch (CrmException e) {
                refused.put(line.item(), e);
            }
        }
        return new ListCoupons(issued, refused);
    }

    /**
     * Redeems a coupon at the till, now.
     *
     * @param code the coupon's code
     * @param member the member presenting it: a coupon is personal
     * @param reference what it is redeemed against, such as the sale's touchpoint id
     * @return the redeemed coupon; the same when it was already redeemed against this reference
     * @throws NotFoundException when no coupon has the code
     * @throws RuleViolationException when it is another member's, not valid now, redeemed against something else
     *     or void
     */
    public Coupon redeem(String code, MemberNumber member, String reference) {
        Checks.notNull("member", member);
        String against = Checks.text("reference", reference, 200);
        Instant now = clock.instant();
        return change(code, c -> {
            if (!c.member().equals(member)) {
                throw new RuleViolationException("coupon " + code + " is not member " + member + "'s");
            }
            if (c.status() == Coupon.Status.REDEEMED && against.equals(c.reference())) {
                return null;
            }
            if (c.status() != Coupon.Status.ISSUED) {
                throw new RuleViolationException("coupon " + code + " is " + describe(c) + "; it cannot be redeemed");
            }
            if (!c.isValidAt(now)) {
                throw new RuleViolationException("coupon " + code + " is valid from " + c.validFrom() + " until "
                        + c.validUntil() + ", not at " + now);
            }
            return c.redeemed(now, against);
        });
    }

    /**
     * Takes back a redemption (the sale was cancelled or returned): the coupon may be redeemed again while valid.
     *
     * @param code the coupon's code
     * @param reference what it was redeemed against
     * @return the coupon, issued again; the same when it already was
     * @throws RuleViolationException when it stands redeemed against something else, or void
     */
    public Coupon reverseRedemption(String code, String reference) {
        String against = Checks.text("reference", reference, 200);
        return change(code, c -> {
            if (c.status() == Coupon.Status.ISSUED) {
                return null;
            }
            if (c.status() != Coupon.Status.REDEEMED || !against.equals(c.reference())) {
                throw new RuleViolationException("coupon " + code + " is " + describe(c) + ", not redeemed against "
                        + Checks.quoted(against));
            }
            return c.unredeemed();
        });
    }

    /**
     * Cancels a coupon not yet redeemed; a voucher's points are given back under {@code voucher-void:<key>}.
     *
     * @param code the coupon's code
     * @param reason why, kept on the points given back
     * @return the void coupon; the same when it already was
     * @throws RuleViolationException when it stands redeemed (reverse the redemption first)
     */
    public Coupon cancel(String code, String reason) {
        String why = Checks.text("reason", reason, 500);
        Coupon done = change(code, c -> {
            if (c.status() == Coupon.Status.VOID) {
                return null;
            }
            if (c.status() == Coupon.Status.REDEEMED) {
                throw new RuleViolationException("coupon " + code + " is " + describe(c)
                        + "; reverse the redemption before cancelling it");
            }
            return c.voided();
        });
        IdempotencyKey refund = IdempotencyKey.of("voucher-void:" + done.key().value());
        // Posted after the coupon is void, and again on a repeat, so a cut-off cancel completes.
        if (done.pointsCost() > 0 && ledger.entry(done.member(), refund).isEmpty()) {
            try {
                ledger.post(new Posting.Reverse(done.member(), refund, IdempotencyKey.of("voucher:"
                        + done.key().value()), clock.instant(), why, Source.promotion(done.campaign())));
            } catch (IdempotencyConflictException concurrentCancel) {
                // another cancel of the same voucher posted the refund first
            }
        }
        return done;
    }

    /** {@return the coupon with the code, or empty} @param code the code */
    public Optional<Coupon> find(String code) {
        return store.find(Objects.requireNonNull(code, "code"));
    }

    /** {@return a member's coupons, oldest first} @param member the member */
    public List<Coupon> coupons(MemberNumber member) {
        return store.findByMember(Checks.notNull("member", member));
    }

    /** {@return how many coupons a campaign has issued} @param campaign the campaign's code */
    public long issued(String campaign) {
        return store.issued(campaign(campaign).code());
    }

    private Optional<Coupon> held(Campaign c, MemberNumber member, IdempotencyKey key) {
        Optional<Coupon> held = store.findByKey(member, key);
        if (held.isPresent() && !held.get().campaign().equals(c.code())) {
            throw new IdempotencyConflictException("member " + member + " was issued a " + held.get().campaign()
                    + " coupon under key " + key + ", not a " + c.code() + " one");
        }
        return held;
    }

    /** Checks the member and the campaign's end; returns the instant of issue. */
    private Instant open(Campaign c, MemberNumber member) {
        if (ledger.members().findById(member).isEmpty()) {
            throw new NotFoundException("member", member);
        }
        Instant now = clock.instant();
        if (!now.isBefore(c.validUntil())) {
            throw new RuleViolationException("campaign " + c.code() + " ended at " + c.validUntil());
        }
        return now;
    }

    private Outcome store(Campaign c, MemberNumber member, IdempotencyKey key, Money value, long points,
                          Instant now) {
        for (int i = 0; i < CODE_ATTEMPTS; i++) {
            Coupon coupon = new Coupon(codes.get(), c.code(), member, key, value, points, now, c.validFrom(),
                    c.validUntil(), Coupon.Status.ISSUED, null, null, 0);
            switch (store.issue(coupon, c.stock(), c.perMember())) {
                case ISSUED:
                    return new Outcome(coupon, null);
                case KEY_USED:
                    return new Outcome(held(c, member, key).orElseThrow(), null);
                case OUT_OF_STOCK:
                    return new Outcome(null, outOfStock(c));
                case LIMIT_REACHED:
                    return new Outcome(null, limitReached(c, member));
                default:
                    break;                                          // the code was taken: draw another
            }
        }
        throw new IllegalStateException("coupon codes collided " + CODE_ATTEMPTS + " times; is the generator random?");
    }

    private static RuleViolationException outOfStock(Campaign c) {
        return new RuleViolationException("campaign " + c.code() + " has issued its stock of " + c.stock());
    }

    private void giveBack(MemberNumber member, IdempotencyKey refund, IdempotencyKey debit, Instant at,
                          RuleViolationException why, Campaign c) {
        ledger.post(new Posting.Reverse(member, refund, debit, at, "voucher not issued: " + why.getMessage(),
                Source.promotion(c.code())));
    }

    private static RuleViolationException limitReached(Campaign c, MemberNumber member) {
        return new RuleViolationException("member " + member + " holds " + c.perMember() + " coupon(s) of campaign "
                + c.code() + ", as many as one may");
    }

    private static String describe(Coupon c) {
        return c.status() == Coupon.Status.REDEEMED ? "redeemed against " + Checks.quoted(c.reference()) + " at "
                + c.redeemedAt() : c.status().name().toLowerCase(Locale.ROOT);
    }

    /** Applies a change to the stored coupon, again after a concurrent one; a null change leaves it as it is. */
    private Coupon change(String code, UnaryOperator<Coupon> next) {
        Checks.notNull("code", code);
        for (int i = 0; i < CHANGE_ATTEMPTS; i++) {
            Coupon c = store.find(code).orElseThrow(() -> new NotFoundException("coupon", Checks.quoted(code)));
            Coupon n = next.apply(c);
            if (n == null) {
                return c;
            }
            try {
                store.replace(n);
                return n;
            } catch (VersionConflictException e) {
                // another change went first: decide again on what it left
            }
        }
        throw new VersionConflictException("coupon", code, -1, -1);
    }

    /** What one attempt to store a coupon came to: the coupon, or why not. */
    private record Outcome(@Nullable Coupon coupon, @Nullable RuleViolationException refusal) {
    }

    /**
     * The coupons a shopping list carries.
     *
     * @param issued each coupon issued, by the line's item
     * @param refused each line refused, by item
     */
    public record ListCoupons(Map<String, Coupon> issued, Map<String, CrmException> refused) {
        /** Copies the maps. */
        public ListCoupons {
            issued = Collections.unmodifiableMap(new LinkedHashMap<>(issued));
            refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }

        /** {@return what the coupons are worth together, or empty when none was issued} */
        public Optional<Money> total() {
            return issued.values().stream().map(Coupon::value).reduce(Money::plus);
        }
    }

    /** Builds {@link Rewards}. Not thread-safe. */
    public static final class Builder {
        private final Ledger ledger;
        private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
        private CouponStore store = new InMemoryCouponStore();
        private Supplier<String> codes = new CouponCodes();
        private Clock clock = Clock.systemUTC();

        private Builder(Ledger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
        }

        /**
         * Adds a campaign to the catalogue.
         *
         * @param value the campaign; its code must be new to the catalogue
         * @return this builder
         */
        public Builder campaign(Campaign value) {
            Checks.notNull("campaign", value);
            if (campaigns.putIfAbsent(value.code(), value) != null) {
                throw new RuleViolationException("campaign code is used twice: " + value.code());
            }
            return this;
        }

        /** {@return this builder} @param value where coupons are kept; in memory by default */
        public Builder store(CouponStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** {@return this builder} @param value makes new codes; {@link CouponCodes} by default */
        public Builder codes(Supplier<String> value) {
            this.codes = Objects.requireNonNull(value, "codes");
            return this;
        }

        /** {@return this builder} @param value the clock for issue and redemption */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** {@return the catalogue} */
        public Rewards build() {
            return new Rewards(this);
        }
    }
}
