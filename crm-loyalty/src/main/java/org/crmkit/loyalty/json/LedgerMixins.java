package org.crmkit.loyalty.json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.member.TierLock;

/** Jackson annotations for members and ledger entries, kept here so that the domain types carry none. */
final class LedgerMixins {
    private LedgerMixins() {
    }

    /** Entries name their kind; records are read through their canonical constructors, which validate. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = LedgerEntry.Accrual.class, name = "accrual"),
        @JsonSubTypes.Type(value = LedgerEntry.Pending.class, name = "pending"),
        @JsonSubTypes.Type(value = LedgerEntry.Redemption.class, name = "redemption"),
        @JsonSubTypes.Type(value = LedgerEntry.Expiry.class, name = "expiry"),
        @JsonSubTypes.Type(value = LedgerEntry.Adjustment.class, name = "adjustment"),
        @JsonSubTypes.Type(value = LedgerEntry.Reversal.class, name = "reversal")
    })
    interface EntryMixin {
    }

    /**
     * A member is written from its public accessors, without the current tier, which is its history's last entry,
     * and read through its builder.
     */
    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonPropertyOrder({"number", "programId", "customerId", "enrolledAt", "status", "tierHistory", "tierLock",
        "agreements", "version"})
    @JsonDeserialize(builder = Member.Builder.class)
    abstract static class MemberMixin {
        @JsonProperty abstract MemberNumber number();
        @JsonProperty abstract String programId();
        @JsonProperty abstract CustomerId customerId();
        @JsonProperty abstract Instant enrolledAt();
        @JsonProperty abstract MemberStatus status();
        @JsonProperty abstract List<TierChange> tierHistory();
        @JsonProperty abstract Optional<TierLock> tierLock();
        @JsonProperty abstract Set<AgreementId> agreements();
        @JsonProperty abstract long version();
    }

    @JsonPOJOBuilder(withPrefix = "", buildMethodName = "build")
    abstract static class BuilderMixin {
    }
}
