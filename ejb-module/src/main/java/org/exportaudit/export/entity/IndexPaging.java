package org.exportaudit.export.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A source's index pages as one viewer pages through them: the records counted once, when the view
 * opened, and the {@code orderBy} values of the first and last row of every page read so far. A page
 * is read by keyset from the nearest row whose values are known — after it, or before it reading
 * backwards — or from either end, whichever leaves the fewest rows to step over: the next, previous
 * and last pages step over none, however deep, and a jump steps over the rows between it and the
 * nearest known page, reading only their {@code orderBy} columns. OFFSET from the start would read
 * and discard every row before the page.
 */
public class IndexPaging implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Where a read starts: after the row whose {@code orderBy} values are {@code from} (before it,
     * {@code backward}), or at the first (last) row when {@code from} is null; it steps over
     * {@code skip} rows, then reads {@code size}.
     */
    public record Seek(Serializable[] from, boolean backward, long skip, int size) implements Serializable {
    }

    /** Rows in the declared order, and the {@code orderBy} values of the first and the last. */
    public record Slice(List<List<String>> rows, Serializable[] firstKeys, Serializable[] lastKeys) {

        public static final Slice EMPTY = new Slice(List.of(), null, null);
    }

    private final long count;
    private final TreeMap<Long, Serializable[]> known = new TreeMap<>();

    /** The pages of a source that had {@code count} records when the view opened. */
    public IndexPaging(long count) {
        this.count = count;
    }

    /** The records when the view opened: counting millions of rows again for every page would cost more than the page. */
    public long count() {
        return count;
    }

    /** The rows from {@code first} on, at most {@code size}, read by {@code reader}. */
    public List<List<String>> page(long first, int size, Function<Seek, Slice> reader) {
        Slice slice = reader.apply(seek(first, size));
        if (!slice.rows().isEmpty()) {
            known.put(first, slice.firstKeys());
            known.put(first + slice.rows().size() - 1, slice.lastKeys());
        }
        return slice.rows();
    }

    /** How to read the page that starts at {@code first}: from the known row or the end that is nearest. */
    Seek seek(long first, int size) {
        long end = Math.min(first + size, count); // the row after the page
        Seek best = new Seek(null, false, first, size);
        Map.Entry<Long, Serializable[]> before = known.floorEntry(first - 1);
        if (before != null && first - 1 - before.getKey() < best.skip()) {
            best = new Seek(before.getValue(), false, first - 1 - before.getKey(), size);
        }
        if (end <= first) {
            return best; // past the end as counted: only a forward read can find rows added since
        }
        int rows = (int) (end - first);
        if (count - end < best.skip()) {
            best = new Seek(null, true, count - end, rows);
        }
        Map.Entry<Long, Serializable[]> after = known.ceilingEntry(end);
        if (after != null && after.getKey() - end < best.skip()) {
            best = new Seek(after.getValue(), true, after.getKey() - end, rows);
        }
        return best;
    }

    @Override
    public String toString() {
        return "IndexPaging[" + count + " records, known rows " + known.keySet() + "]";
    }
}
