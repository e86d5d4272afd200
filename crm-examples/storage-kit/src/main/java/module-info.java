/**
 * The storage contract kit for crm-core's SPI. Open, so that JUnit and jqwik may call the kit's test methods
 * reflectively from a host's test module.
 */
open module org.crmkit.kit {
    requires transitive org.crmkit.core;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;

    exports org.crmkit.kit;
}
