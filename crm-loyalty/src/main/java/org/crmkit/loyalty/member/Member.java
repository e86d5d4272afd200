package org.crmkit.loyalty.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A membership of one customer in one program: its number, status, current tier with the history of every tier
 * change, and the standing agreements that go with it (C1's annual rental agreement). Immutable; the
 * {@code withX} methods return changed copies. Points are not held here but in the ledger.
 */
public final class Member {
    private final MemberNumber number;
    private final String programId;
    private final CustomerId customerId;
    private final Instant enrolledAt;
    private final MemberStatus status;
    private final String tier;
    private final List<TierChange> tierHistory;
    private final Set<AgreementId> agreements;
    private final @Nullable TierLock tierLock;
    private final long version;

    private Member(Builder b) {
        this.number = Checks.notNull("number", b.number);
        this.programId = Checks.code("program id", b.programId);
        this.customerId = Checks.notNull("customerId", b.customerId);
        this.enrolledAt = Checks.notNull("enrolledAt", b.enrolledAt);
        this.status = Checks.notNull("status", b.status);
        this.tierHistory = Checks.list("tierHistory", b.tierHistory, 1_000);
        this.agreements = Checks.set("agreements", b.agreements, 100);
        if (b.version < 0) {
            throw new RuleViolationException("version must not be negative: " + b.version);
        }
        this.version = b.version;
        if (tierHistory.isEmpty()) {
            throw new RuleViolationException("member " + number + " tier history must not be empty");
        }
        for (int i = 1; i < tierHistory.size(); i++) {
            if (tierHistory.get(i).at().isBefore(tierHistory.get(i - 1).at())) {
                throw new RuleViolationException("member " + number + " tier history must be in time order: "
                        + tierHistory.get(i).at());
            }
        }
        this.tier = tierHistory.get(tierHistory.size() - 1).to();
        this.tierLock = b.tierLock;
        if (tierLock != null && !tierLock.tier().equals(tier)) {
            throw new RuleViolationException("member " + number + " is locked at tier " + tierLock.tier()
                    + " but holds " + tier);
        }
    }

    /**
     * A new member at a program's starting tier.
     *
     * @param number the member number
     * @param programId the program
     * @param customerId the customer profile
     * @param enrolledAt when
     * @param tier the starting tier
     * @return the member, version 0
     */
    public static Member enroll(MemberNumber number, String programId, CustomerId customerId, Instant enrolledAt,
            String tier) {
        return builder().number(number).programId(programId).customerId(customerId).enrolledAt(enrolledAt)
                .tierHistory(List.of(new TierChange(enrolledAt, tier, tier, TierChange.Reason.ENROLLED, "enrolled")))
                .build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this member's values} */
    public Builder toBuilder() {
        return new Builder().number(number).programId(programId).customerId(customerId).enrolledAt(enrolledAt)
                .status(status).tierHistory(tierHistory).agreements(agreements).version(version).tierLock(tierLock);
    }

    /** {@return the member number} */
    public MemberNumber number() {
        return number;
    }

    /** {@return the program's code} */
    public String programId() {
        return programId;
    }

    /** {@return the customer profile} */
    public CustomerId customerId() {
        return customerId;
    }

    /** {@return when the member joined} */
    public Instant enrolledAt() {
        return enrolledAt;
    }

    /** {@return the status} */
    public MemberStatus status() {
        return status;
    }

    /** {@return the current tier: the last of the history} */
    public String tier() {
        return tier;
    }

    /** {@return every tier change, oldest first, starting with the enrollment} */
    public List<TierChange> tierHistory() {
        return tierHistory;
    }

    /** {@return the standing agreements linked to the membership} */
    public Set<AgreementId> agreements() {
        return agreements;
    }

    /** {@return the lock an agent put on the tier, if any: automatic changes leave a locked tier alone} */
    public Optional<TierLock> tierLock() {
        return Optional.ofNullable(tierLock);
    }

    /**
     * A copy with the tier locked, or released.
     *
     * @param lock the lock, on the current tier; null to release
     * @return the copy
     */
    public Member withTierLock(@Nullable TierLock lock) {
        return toBuilder().tierLock(lock).build();
    }

    /** {@return the stored version; 0 before the first save} */
    public long version() {
        return version;
    }

    /** {@return a copy with the given status} */
    public Member withStatus(MemberStatus value) {
        return toBuilder().status(value).build();
    }

    /** {@return a copy with the change appended to the tier history, so that its target is the current tier} */
    public Member withTierChange(TierChange change) {
        Objects.requireNonNull(change, "change");
        if (!change.from().equals(tier)) {
            throw new RuleViolationException("tier change must start from the current tier " + tier + ": "
                    + change.from());
        }
        List<TierChange> history = new ArrayList<>(tierHistory);
        history.add(change);
        return toBuilder().tierHistory(history).build();
    }

    /** {@return a copy linked to the given agreements} */
    public Member withAgreements(Collection<AgreementId> values) {
        return toBuilder().agreements(values).build();
    }

    /** {@return a copy carrying another version} */
    public Member withVersion(long value) {
        return toBuilder().version(value).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Member m && number.equals(m.number) && programId.equals(m.programId)
                && customerId.equals(m.customerId) && enrolledAt.equals(m.enrolledAt) && status == m.status
                && tierHistory.equals(m.tierHistory) && agreements.equals(m.agreements) && version == m.version
                && Objects.equals(tierLock, m.tierLock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, programId, customerId, enrolledAt, status, tierHistory, agreements, version,
                tierLock);
    }

    @Override
    public String toString() {
        return "Member[" + number + " " + programId + " " + tier + (tierLock != null ? " (locked)" : "") + " "
                + status + " v" + version + "]";
    }

    /** Builds a {@link Member}. Not thread-safe. */
    public static final class Builder {
        private MemberNumber number;
        private String programId;
        private CustomerId customerId;
        private Instant enrolledAt;
        private MemberStatus status = MemberStatus.ACTIVE;
        private Collection<TierChange> tierHistory = List.of();
        private Collection<AgreementId> agreements = Set.of();
        private @Nullable TierLock tierLock;
        private long version;

        private Builder() {
        }

        /** @param value the lock on the tier, or null for none @return this builder */
        public Builder tierLock(@Nullable TierLock value) {
            this.tierLock = value;
            return this;
        }

        /** @param value the member number @return this builder */
        public Builder number(MemberNumber value) {
            this.number = value;
            return this;
        }

        /** @param value the program's code @return this builder */
        public Builder programId(String value) {
            this.programId = value;
            return this;
        }

        /** @param value the customer profile @return this builder */
        public Builder customerId(CustomerId value) {
            this.customerId = value;
            return this;
        }

        /** @param value when the member joined @return this builder */
        public Builder enrolledAt(Instant value) {
            this.enrolledAt = value;
            return this;
        }

        /** @param value the status @return this builder */
        public Builder status(MemberStatus value) {
            this.status = value;
            return this;
        }

        /** @param values the tier history, oldest first, not empty @return this builder */
        public Builder tierHistory(Collection<TierChange> values) {
            this.tierHistory = values;
            return this;
        }

        /** @param values the linked agreements @return this builder */
        public Builder agreements(Collection<AgreementId> values) {
            this.agreements = values;
            return this;
        }

        /** @param value the stored version @return this builder */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** {@return the validated member} */
        public Member build() {
            return new Member(this);
        }
    }
}
