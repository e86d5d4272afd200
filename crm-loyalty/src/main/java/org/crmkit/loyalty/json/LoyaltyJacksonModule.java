package org.crmkit.loyalty.json;

import com.fasterxml.jackson.databind.module.SimpleModule;

import org.crmkit.loyalty.program.Program;

/**
 * Jackson support for crm-loyalty: {@link Program} as JSON (golden file in the tests). Needs crm-segmentation's
 * module for eligibility conditions; {@code CrmJson.newMapper()} finds all three through {@code ServiceLoader}.
 */
public final class LoyaltyJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public LoyaltyJacksonModule() {
        super("crmkit-loyalty");
        addSerializer(Program.class, new ProgramJson.Writer());
        addDeserializer(Program.class, new ProgramJson.Reader());
    }
}
