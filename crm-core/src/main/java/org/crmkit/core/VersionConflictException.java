package org.crmkit.core;

/**
 * Thrown when a write is based on a stale snapshot: the version the writer read is not the version stored.
 * The stored record is left unchanged.
 */
public class VersionConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param what the kind of record, for example {@code "customer"}
     * @param id the id of the record
     * @param expectedVersion the version the writer based its change on
     * @param actualVersion the version currently stored ({@code 0} when the record does not exist)
     */
    public VersionConflictException(String what, Object id, long expectedVersion, long actualVersion) {
        super(what + " " + id + " was modified concurrently: expected version " + expectedVersion
                + " but found " + actualVersion);
        this.id = String.valueOf(id);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** {@return the id of the record, as text} */
    public String id() {
        return id;
    }

    /** {@return the version the writer based its change on} */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** {@return the version that was stored when the write was refused} */
    public long actualVersion() {
        return actualVersion;
    }
}
