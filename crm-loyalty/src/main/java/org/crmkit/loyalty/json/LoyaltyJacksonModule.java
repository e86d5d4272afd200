package org.crmkit.loyalty.json;

import java.util.Map;

import tools.jackson.databind.module.SimpleModule;

import org.crmkit.core.json.Documents;
import org.crmkit.core.json.Scalars;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.reward.Campaign;
import org.crmkit.loyalty.reward.Coupon;

/**
 * Jackson support for crm-loyalty: {@link Program}s (golden file in the tests), {@link Member}s and
 * {@link LedgerEntry ledger entries}, {@link Coupon coupons} and {@link Campaign campaigns}, so stores can keep
 * them as documents; each carries its
 * {@link Documents format}. Needs crm-segmentation's
 * module for eligibility conditions; {@code CrmJson.newMapper()} finds all three through {@code ServiceLoader}.
 */
public final class LoyaltyJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public LoyaltyJacksonModule() {
        super("crmkit-loyalty");
        addSerializer(Program.class, new ProgramJson.Writer());
        addDeserializer(Program.class, new ProgramJson.Reader());
        Scalars.register(this, MemberNumber.class, MemberNumber::value, MemberNumber::of);
        Scalars.register(this, IdempotencyKey.class, IdempotencyKey::value, IdempotencyKey::of);
        setMixInAnnotation(LedgerEntry.class, LedgerMixins.EntryMixin.class);
        setMixInAnnotation(Member.class, LedgerMixins.MemberMixin.class);
        setMixInAnnotation(Member.Builder.class, LedgerMixins.BuilderMixin.class);
        Documents.register(this, Map.of(Member.class, 1, LedgerEntry.class, 1, Coupon.class, 1, Campaign.class, 1));
    }
}
