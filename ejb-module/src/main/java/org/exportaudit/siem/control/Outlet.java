package org.exportaudit.siem.control;

import java.io.IOException;
import org.exportaudit.siem.entity.OutletKind;

/**
 * A SIEM receiver as a sender sees it: it takes one record at a time, or says it did not. The
 * delivery cursor moves only on a send that returned, so a send must throw whenever the record may
 * not have arrived.
 */
public interface Outlet {

    /** The receiver's name: its address without credentials. The delivery cursor is kept under it. */
    String name();

    OutletKind kind();

    void send(StreamedRecord record) throws IOException;

    /** Frees what it holds open (a connection); a later send opens it again. */
    void close();
}
