package org.crmkit.segmentation.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;

import org.crmkit.core.json.Documents;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.Segment;
import org.crmkit.segmentation.rule.SegmentEvent;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.BgBb;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.ModifiedBgNbd;
import org.crmkit.segmentation.value.ParetoNbd;
import org.crmkit.segmentation.value.PurchaseModel;
import org.crmkit.segmentation.value.ShiftedBetaGeometric;

/**
 * Teaches Jackson crm-segmentation's types without annotations on them: the value models are written as their
 * parameters, and a {@link PurchaseModel} carries a {@code "type"} of {@code "bg-nbd"} or {@code "pareto-nbd"};
 * rules ({@link Condition}) and {@link Segment}s are written as {@code {"all": [{"fact": ..., "op": ...,
 * "value": ...}]}} and read with every problem reported at its JSON path.
 * Segments and value models carry their {@link Documents format}.
 * Registered through {@code ServiceLoader}, so {@code CrmJson} and {@code findAndAddModules()} find it.
 */
public final class SegmentationJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public SegmentationJacksonModule() {
        super("crmkit-segmentation");
        setMixInAnnotation(PurchaseModel.class, PurchaseModelMixin.class);
        addSerializer(Condition.class, new RuleJson.ConditionWriter());
        addDeserializer(Condition.class, new RuleJson.ConditionReader());
        addSerializer(Segment.class, new RuleJson.SegmentWriter());
        addDeserializer(Segment.class, new RuleJson.SegmentReader());
        registerSubtypes(new NamedType(SegmentEvent.Entered.class, "segment-entered"),
                new NamedType(SegmentEvent.Exited.class, "segment-exited"));
        Documents.register(this, Map.of(PurchaseModel.class, 1, GammaGamma.class, 1, ModelFit.class, 1,
                MembershipSnapshot.class, 1, BgBb.class, 1, ShiftedBetaGeometric.class, 1));
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = BgNbd.class, name = "bg-nbd"),
        @JsonSubTypes.Type(value = ModifiedBgNbd.class, name = "mbg-nbd"),
        @JsonSubTypes.Type(value = ParetoNbd.class, name = "pareto-nbd")
    })
    interface PurchaseModelMixin {
    }
}
