package org.crmkit.core.common;

import org.crmkit.core.internal.Checks;

/**
 * A way the business and the customer reach each other. The common channels are constants; a host may name
 * others with {@link #of}, for example {@code Channel.of("kiosk")}. Immutable.
 *
 * @param code lower-case code such as {@code "phone"}
 */
public record Channel(String code) {
    /** At a counter or desk. */
    public static final Channel COUNTER = new Channel("counter");
    /** By telephone, including the call center. */
    public static final Channel PHONE = new Channel("phone");
    /** On the web site. */
    public static final Channel WEB = new Channel("web");
    /** By email. */
    public static final Channel EMAIL = new Channel("email");
    /** By text message. */
    public static final Channel SMS = new Channel("sms");
    /** By post. */
    public static final Channel POST = new Channel("post");
    /** A visit by staff in the field (C4). */
    public static final Channel FIELD_VISIT = new Channel("field-visit");
    /** In the car, through a driver or the vehicle (C2). */
    public static final Channel IN_CAR = new Channel("in-car");
    /** Through an agent such as a travel agent (C1). */
    public static final Channel AGENT = new Channel("agent");
    /** In a mobile app. */
    public static final Channel MOBILE = new Channel("mobile");

    /**
     * Validates the code.
     *
     * @throws org.crmkit.core.RuleViolationException when the code is not a valid code
     */
    public Channel {
        code = Checks.code("channel", code);
    }

    /**
     * Names a channel.
     *
     * @param code lower-case code
     * @return the channel
     */
    public static Channel of(String code) {
        return new Channel(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
