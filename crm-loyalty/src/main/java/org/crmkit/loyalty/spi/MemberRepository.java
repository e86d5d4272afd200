package org.crmkit.loyalty.spi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.Repository;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * Stores memberships. Besides the promises of {@link Repository}: a customer is a member of a program at most
 * once, so saving a member, new or changed, for a program and customer another member holds throws
 * {@link org.crmkit.core.DuplicateException} and stores nothing. A member saved under another customer is found
 * by the new customer only; a deleted member frees the customer's place.
 */
public interface MemberRepository extends Repository<Member, MemberNumber> {

    /**
     * Finds a customer's membership of a program.
     *
     * @param programId the program's code
     * @param customerId the customer
     * @return the member, or empty
     */
    Optional<Member> findByCustomer(String programId, CustomerId customerId);

    /**
     * Reads members in order of member number (by {@link String#compareTo} of its text).
     *
     * @param request the page wanted
     * @return one page
     */
    Page<Member> findAll(PageRequest request);

    /**
     * Reads several members at once: a batch's members in one read. The default reads them one by one.
     *
     * @param numbers the member numbers
     * @return the members found, by number; a number not found is left out
     */
    default Map<MemberNumber, Member> findAllById(Collection<MemberNumber> numbers) {
        Map<MemberNumber, Member> out = new HashMap<>();
        for (MemberNumber n : numbers) {
            findById(n).ifPresent(m -> out.put(n, m));
        }
        return out;
    }

    /**
     * Reads the stored versions of several members, for a caller that holds members read before and reads again
     * only those that changed. The default reads the members.
     *
     * @param numbers the member numbers
     * @return each found member's version, by number
     */
    default Map<MemberNumber, Long> versions(Collection<MemberNumber> numbers) {
        Map<MemberNumber, Long> out = new HashMap<>();
        findAllById(numbers).forEach((n, m) -> out.put(n, m.version()));
        return out;
    }
}
