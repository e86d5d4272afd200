package org.crmkit.core.spi;

import java.util.stream.Stream;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.unify.MergeRecord;

/**
 * Stores merge audits for {@link org.crmkit.core.Crm#merge} and {@link org.crmkit.core.Crm#unmerge}, keyed by the
 * duplicate. Besides the promises of {@link Repository}, the records of one survivor can be read in order of the
 * duplicate's id (by {@link String#compareTo} of its value), so that erasing a customer finds every record that
 * holds a copy of its data.
 */
public interface MergeRecordStore extends Repository<MergeRecord, CustomerId> {

    /**
     * Reads the records of merges into one survivor, undone or not.
     *
     * @param survivor the survivor
     * @param request the page wanted
     * @return one page, ordered by the duplicate's id
     */
    Page<MergeRecord> findBySurvivor(CustomerId survivor, PageRequest request);

    /**
     * Streams the records of merges into one survivor, page by page, in the order of {@link #findBySurvivor}.
     *
     * @param survivor the survivor
     * @return the records; the stream reads lazily
     */
    default Stream<MergeRecord> streamBySurvivor(CustomerId survivor) {
        return Pages.stream(request -> findBySurvivor(survivor, request));
    }
}
