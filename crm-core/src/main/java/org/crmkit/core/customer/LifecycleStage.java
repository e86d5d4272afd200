package org.crmkit.core.customer;

/** Where a customer stands in the relationship, from first interest to having left (C11). */
public enum LifecycleStage {
    /** Known, but has not shown purchase intent. */
    PROSPECT,
    /** Has shown purchase intent. */
    INTENT,
    /** Has bought; an owner of the product. */
    CUSTOMER,
    /** Has not bought for longer than the business's usual cycle. */
    LAPSED,
    /** Has ended the relationship. */
    FORMER
}
