package org.crmkit.loyalty.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.Member;

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

    /** A member is written from its fields, without the current tier, which is its history's last entry. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonIgnoreProperties("tier")
    @JsonDeserialize(builder = Member.Builder.class)
    abstract static class MemberMixin {
    }

    @JsonPOJOBuilder(withPrefix = "", buildMethodName = "build")
    abstract static class BuilderMixin {
    }
}
