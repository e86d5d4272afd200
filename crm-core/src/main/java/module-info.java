/**
 * crmkit's core: customer profiles, preferences, consents and agreements, touchpoints, service cases and
 * service-level standards, the storage SPI with its in-memory store and cache decorator, domain events, and the
 * Jackson module. {@code org.crmkit.core.internal} is not exported.
 *
 * <p>The domain packages are open to Jackson's databind alone, which makes aggregates' builders through their
 * private constructors.
 *
 * <p>libphonenumber has no module descriptor, only an automatic module name, which is stable.
 */
@SuppressWarnings("requires-automatic")
module org.crmkit.core {
    requires transitive tools.jackson.databind;
    requires transitive com.github.benmanes.caffeine;
    requires com.google.common;
    requires org.apache.commons.text;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires transitive org.jspecify;

    exports org.crmkit.core;
    exports org.crmkit.core.agreement;
    exports org.crmkit.core.cache;
    exports org.crmkit.core.common;
    exports org.crmkit.core.consent;
    exports org.crmkit.core.customer;
    exports org.crmkit.core.event;
    exports org.crmkit.core.json;
    exports org.crmkit.core.memory;
    exports org.crmkit.core.payment;
    exports org.crmkit.core.preference;
    exports org.crmkit.core.privacy;
    exports org.crmkit.core.service;
    exports org.crmkit.core.servicelevel;
    exports org.crmkit.core.spi;
    exports org.crmkit.core.touchpoint;
    exports org.crmkit.core.unify;

    opens org.crmkit.core.agreement to tools.jackson.databind;
    opens org.crmkit.core.common to tools.jackson.databind;
    opens org.crmkit.core.consent to tools.jackson.databind;
    opens org.crmkit.core.customer to tools.jackson.databind;
    opens org.crmkit.core.event to tools.jackson.databind;
    opens org.crmkit.core.json to tools.jackson.databind;
    opens org.crmkit.core.payment to tools.jackson.databind;
    opens org.crmkit.core.preference to tools.jackson.databind;
    opens org.crmkit.core.privacy to tools.jackson.databind;
    opens org.crmkit.core.service to tools.jackson.databind;
    opens org.crmkit.core.servicelevel to tools.jackson.databind;
    opens org.crmkit.core.touchpoint to tools.jackson.databind;
    opens org.crmkit.core.unify to tools.jackson.databind;

    provides tools.jackson.databind.JacksonModule with org.crmkit.core.json.CrmJacksonModule;
}
