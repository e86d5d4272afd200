package org.crmkit.loyalty.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * A ledger store that passes every call to another, for decorators that change or observe a few of them
 * (metering, tracing, tests' deliberately broken stores), in the manner of Guava's forwarding collections. As
 * thread-safe as the store it forwards to.
 */
public abstract class ForwardingLedgerStore implements LedgerStore {
    private final LedgerStore delegate;

    /**
     * Forwards to a store.
     *
     * @param delegate the store that keeps the entries
     */
    protected ForwardingLedgerStore(LedgerStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@return the store calls are passed to} */
    protected LedgerStore delegate() {
        return delegate;
    }

    @Override
    public void append(LedgerEntry entry) {
        delegate.append(entry);
    }

    @Override
    public List<LedgerEntry> entries(MemberNumber member, long afterSequence, int limit) {
        return delegate.entries(member, afterSequence, limit);
    }

    @Override
    public Optional<LedgerEntry> findByKey(MemberNumber member, IdempotencyKey key) {
        return delegate.findByKey(member, key);
    }

    @Override
    public boolean appendsBatches() {
        return delegate.appendsBatches();
    }

    /** Appends through the delegate: a subclass that intercepts {@link #append} intercepts this too. */
    @Override
    public void appendAll(List<LedgerEntry> entries) {
        delegate.appendAll(entries);
    }

    @Override
    public boolean checksVersionsIn(MemberRepository members) {
        return delegate.checksVersionsIn(members);
    }

    /** Appends through the delegate: a subclass that intercepts {@link #append} intercepts this too. */
    @Override
    public void appendAll(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
        delegate.appendAll(entries, memberVersions);
    }

    @Override
    public long lastSequence(MemberNumber member) {
        return delegate.lastSequence(member);
    }

    @Override
    public void rewrite(MemberNumber member, List<LedgerEntry> entries) {
        delegate.rewrite(member, entries);
    }

    @Override
    public void deleteMember(MemberNumber member) {
        delegate.deleteMember(member);
    }
}
