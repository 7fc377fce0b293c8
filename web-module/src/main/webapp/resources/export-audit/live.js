// The server says "changed" on the websocket whenever the export log or the notices change: the
// page redraws its log and its bell (PrimeFaces remote commands it declares, when it has them).
// While a confirmation is open the log waits, so that no redraw replaces the link under it; it
// catches up when the confirmation closes.
var ExportAuditLive = {
    paused: false,
    missed: false,
    row: null,
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
    // A keyboard user's place: the row of the export whose link they used. A redraw replaces the
    // link under the focus; the focus then goes back to that row, not to the top of the page.
    remember: function (link) {
        var row = link.closest("tr");
        ExportAuditLive.row = row ? row.getAttribute("data-rk") : null;
    },
    refocus: function () {
        var lost = !document.activeElement || document.activeElement === document.body;
        var row = ExportAuditLive.row && document.querySelector('tr[data-rk="' + ExportAuditLive.row + '"]');
        if (lost && row) {
            row.setAttribute("tabindex", "-1");
            row.focus();
        }
    },
    resume: function () {
        ExportAuditLive.paused = false;
        if (ExportAuditLive.missed) {
            ExportAuditLive.missed = false;
            ExportAuditLive.changed();
        }
    }
};
