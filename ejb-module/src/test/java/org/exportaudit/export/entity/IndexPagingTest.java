package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.exportaudit.export.entity.IndexPaging.Seek;
import org.exportaudit.export.entity.IndexPaging.Slice;
import org.junit.jupiter.api.Test;

/**
 * Which way a page is read, and that the pages a viewer reads hold each record once, in order,
 * however they got there: a source of 1,003 records ordered by (day, id), where many share a day,
 * read by a reader that does in memory what the keyset query does in SQL.
 */
class IndexPagingTest {

    private static final int RECORDS = 1_003;
    private static final int SIZE = 25;

    /** The records in their order: (day, id), ids unique, days repeated. */
    private final List<Serializable[]> records = new ArrayList<>();

    IndexPagingTest() {
        Random random = new Random(7);
        for (long id = 1; id <= RECORDS; id++) {
            records.add(new Serializable[] {random.nextInt(40), id});
        }
        records.sort(ORDER);
    }

    private static final Comparator<Serializable[]> ORDER = Comparator
            .<Serializable[]>comparingInt(keys -> (Integer) keys[0]).thenComparingLong(keys -> (Long) keys[1]);

    @Test
    void the_next_previous_and_last_pages_step_over_no_row() {
        IndexPaging pages = new IndexPaging(RECORDS);
        assertSeek(pages.seek(0, SIZE), null, false, 0);
        pages.page(0, SIZE, this::read);

        Seek next = pages.seek(SIZE, SIZE);
        assertSeek(next, records.get(SIZE - 1), false, 0);

        Seek last = pages.seek(1_000, SIZE);
        assertSeek(last, null, true, 0);
        assertEquals(3, last.size(), "the last page has the three records left");
        pages.page(1_000, SIZE, this::read);

        assertSeek(pages.seek(975, SIZE), records.get(1_000), true, 0);
    }

    @Test
    void a_jump_steps_over_the_rows_from_the_nearest_known_row_or_end() {
        IndexPaging pages = new IndexPaging(RECORDS);
        pages.page(0, SIZE, this::read);
        pages.page(500, SIZE, this::read);

        assertSeek(pages.seek(100, SIZE), records.get(SIZE - 1), false, 75);
        assertSeek(pages.seek(450, SIZE), records.get(500), true, 25);
        assertSeek(pages.seek(900, SIZE), null, true, 78);
        assertSeek(pages.seek(600, SIZE), records.get(524), false, 75);
    }

    @Test
    void pages_read_in_any_order_hold_each_record_once_in_order() {
        IndexPaging pages = new IndexPaging(RECORDS);
        Random random = new Random(11);
        List<Long> walked = new ArrayList<>();
        for (int first = 0; first < RECORDS; first += SIZE) {
            walked.addAll(ids(pages.page(first, SIZE, this::read)));
        }
        assertEquals(ids(records), walked, "page by page from the first: every record once, in order");

        for (int jump = 0; jump < 200; jump++) {
            int first = random.nextInt(RECORDS / SIZE + 1) * SIZE;
            int size = random.nextBoolean() ? SIZE : 1 + random.nextInt(100);
            IndexPaging fresh = random.nextInt(4) == 0 ? new IndexPaging(RECORDS) : pages;
            assertEquals(ids(records.subList(first, Math.min(first + size, RECORDS))),
                    ids(fresh.page(first, size, this::read)), "the page at " + first + " of " + size);
        }
    }

    @Test
    void a_page_past_the_end_as_counted_reads_forward_and_finds_nothing_or_what_was_added() {
        IndexPaging pages = new IndexPaging(RECORDS);
        assertTrue(pages.page(RECORDS + SIZE, SIZE, this::read).isEmpty());
        assertFalse(pages.seek(RECORDS, SIZE).backward());
        assertNull(new IndexPaging(0).seek(0, SIZE).from());
    }

    private static void assertSeek(Seek seek, Serializable[] from, boolean backward, long skip) {
        assertEquals(from == null ? null : List.of(from), seek.from() == null ? null : List.of(seek.from()), "from");
        assertEquals(backward, seek.backward(), "backward");
        assertEquals(skip, seek.skip(), "skip");
    }

    /** What KeysetRead does in SQL: the rows after (before) {@code from}, in (reverse) order, skip, size. */
    private Slice read(Seek seek) {
        List<Serializable[]> ordered = new ArrayList<>(records);
        if (seek.backward()) {
            Collections.reverse(ordered);
        }
        List<Serializable[]> page = ordered.stream()
                .filter(keys -> seek.from() == null
                        || (seek.backward() ? ORDER.compare(keys, seek.from()) < 0 : ORDER.compare(keys, seek.from()) > 0))
                .skip(seek.skip()).limit(seek.size()).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        if (seek.backward()) {
            Collections.reverse(page);
        }
        if (page.isEmpty()) {
            return Slice.EMPTY;
        }
        List<List<String>> rows = page.stream().map(keys -> List.of(keys[0].toString(), keys[1].toString())).toList();
        return new Slice(rows, page.get(0), page.get(page.size() - 1));
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(row -> row instanceof Serializable[] keys ? (Long) keys[1]
                : Long.valueOf(((List<?>) row).get(1).toString())).toList();
    }
}
