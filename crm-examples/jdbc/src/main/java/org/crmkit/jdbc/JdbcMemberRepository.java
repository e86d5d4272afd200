package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.MemberRepository;
import org.jspecify.annotations.Nullable;

/** Loyalty members in {@code crm_members}; the table allows one membership per program and customer. */
final class JdbcMemberRepository extends JdbcRepository<Member, MemberNumber> implements MemberRepository {

    JdbcMemberRepository(Jdbc jdbc) {
        super(jdbc, "member", "crm_members", Member.class, List.of("program_id", "customer_id"));
    }

    @Override
    MemberNumber idOf(Member m) {
        return m.number();
    }

    @Override
    String key(MemberNumber id) {
        return id.value();
    }

    @Override
    long versionOf(Member m) {
        return m.version();
    }

    @Override
    Member withVersion(Member m, long version) {
        return m.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(Member m) {
        return Arrays.asList(m.programId(), m.customerId().value());
    }

    @Override
    Optional<DuplicateException> claimed(Connection c, Member m) throws SQLException {
        return first(jdbc.query(c, "SELECT id FROM crm_members WHERE program_id = ? AND customer_id = ? AND id <> ?",
                r -> r.getString(1), m.programId(), m.customerId().value(), m.number().value()))
                .map(holder -> new DuplicateException("customer " + m.customerId() + " is already member " + holder
                        + " of program " + m.programId()));
    }

    @Override
    public Optional<Member> findByCustomer(String programId, CustomerId customerId) {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(customerId, "customerId");
        return first(jdbc.readOnly("finding a member by customer", c -> documents(c,
                "SELECT document FROM crm_members WHERE program_id = ? AND customer_id = ?", programId,
                customerId.value())));
    }

    @Override
    public Map<MemberNumber, Member> findAllById(Collection<MemberNumber> numbers) {
        Map<MemberNumber, Member> out = new HashMap<>();
        byIds("reading", numbers, "document", r -> jdbc.read(r.getString(1), Member.class))
                .forEach(m -> out.put(m.number(), m));
        return out;
    }

    @Override
    public Map<MemberNumber, Long> versions(Collection<MemberNumber> numbers) {
        Map<MemberNumber, Long> out = new HashMap<>();
        byIds("reading the versions of", numbers, "id, version", r -> Map.entry(MemberNumber.of(r.getString(1)),
                r.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Reads columns of the members with the numbers, in one query with an IN list. */
    private <T> List<T> byIds(String what, Collection<MemberNumber> numbers, String columns, Jdbc.Row<T> row) {
        Objects.requireNonNull(numbers, "numbers");
        List<Object> ids = numbers.stream().map(n -> (Object) n.value()).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.readOnly(what + " " + ids.size() + " members", c -> jdbc.query(c, "SELECT " + columns
                + " FROM crm_members WHERE id IN (" + marks + ")", row, ids.toArray()));
    }

    @Override
    public Page<Member> findAll(PageRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading members", c -> byId(c, request));
    }
}
