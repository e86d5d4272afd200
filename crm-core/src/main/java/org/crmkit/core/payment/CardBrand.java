package org.crmkit.core.payment;

/** The scheme of a payment card. */
public enum CardBrand {
    /** Visa. */
    VISA,
    /** Mastercard. */
    MASTERCARD,
    /** American Express. */
    AMEX,
    /** Discover. */
    DISCOVER,
    /** JCB. */
    JCB,
    /** Diners Club. */
    DINERS,
    /** UnionPay. */
    UNIONPAY,
    /** Any other scheme. */
    OTHER
}
