// The server says "changed" on the websocket whenever the export log or the notices change: the
// page redraws its log and its bell (PrimeFaces remote commands it declares, when it has them).
// While a confirmation is open the log waits, so that no redraw replaces the link under it; it
// catches up when the confirmation closes.
var ExportAuditLive = {
    paused: false,
    missed: false,
    changed: function () {
        if (ExportAuditLive.paused) {
            ExportAuditLive.missed = true;
            return;
        }
        if (typeof window.refreshLog === "function") {
            window.refreshLog();
        }
        if (typeof window.refreshBell === "function") {
            window.refreshBell();
        }
    },
    pause: function () {
        ExportAuditLive.paused = true;
    },
    resume: function () {
        ExportAuditLive.paused = false;
        if (ExportAuditLive.missed) {
            ExportAuditLive.missed = false;
            ExportAuditLive.changed();
        }
    }
};
