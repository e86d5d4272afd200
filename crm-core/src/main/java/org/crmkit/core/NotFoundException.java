package org.crmkit.core;

/** Thrown when an operation needs a record that does not exist, for example a case for an unknown id. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a missing record.
     *
     * @param what the kind of record, for example {@code "customer"}
     * @param id the id that was looked up
     */
    public NotFoundException(String what, Object id) {
        super(what + " not found: " + id);
    }
}
