// The server says "changed" on the websocket whenever the export log or the notices change: the
// page redraws its log and its bell (PrimeFaces remote commands it declares, when it has them).
// While a confirmation is open the log waits, so that no redraw replaces the link under it; it
// catches up when the confirmation closes. A redraw replaces the elements under a keyboard user's
// focus: the focus goes back to the same element of the same export's row (or to the row itself,
// when that element is gone, as a cancelled export's cancel link is).
var ExportAuditLive = {
    paused: false,
    held: false,
    missed: false,
    kept: null,
    changed: function () {
        if (ExportAuditLive.paused || ExportAuditLive.held) {
            ExportAuditLive.missed = true;
            return;
        }
        if (typeof window.refreshLog === "function") {
            ExportAuditLive.keep();
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
        ExportAuditLive.catchUp();
    },
    // Someone reading the page (a browser test) holds it still, apart from the confirmations' pause.
    hold: function () {
        ExportAuditLive.held = true;
    },
    release: function () {
        ExportAuditLive.held = false;
        ExportAuditLive.catchUp();
    },
    catchUp: function () {
        if (ExportAuditLive.missed && !ExportAuditLive.paused && !ExportAuditLive.held) {
            ExportAuditLive.missed = false;
            ExportAuditLive.changed();
        }
    },
    // A redraw of the log is about to be sent: PrimeFaces would put the focus back on the element
    // with the focused one's id, and ids go by the row's index, so that is another export's row
    // when rows moved; restore() puts it back by the export instead.
    redrawing: function () {
        PrimeFaces.customFocus = true;
    },
    // Notes where the focus is: the element, by its id's last part, in the row of its export.
    keep: function () {
        var focused = document.activeElement;
        if (!focused || focused === document.body) {
            return; // lost already: where it was noted last still stands
        }
        var row = focused.closest("tr");
        var key = row ? row.querySelector("[data-export]") : null;
        ExportAuditLive.kept = {
            id: focused.id,
            row: key ? key.getAttribute("data-export") : null,
            part: focused.id ? focused.id.replace(/^.*:/, "") : null
        };
    },
    // Puts the focus back where keep() found it, if the redraw took it away (or, after a
    // confirmation, whatever has it now).
    restore: function (afterConfirmation) {
        var kept = ExportAuditLive.kept;
        var lost = !document.activeElement || document.activeElement === document.body;
        if (!kept || !(lost || afterConfirmation)) {
            return;
        }
        var target = kept.id && !kept.row ? document.getElementById(kept.id) : null;
        var key = kept.row ? document.querySelector('[data-export="' + kept.row + '"]') : null;
        var row = key ? key.closest("tr") : null;
        if (row) {
            target = kept.part ? row.querySelector('[id$=":' + kept.part + '"]') : null;
            if (!target || target.offsetParent === null) {
                row.setAttribute("tabindex", "-1");
                target = row;
            }
        }
        if (target) {
            target.focus();
        }
    }
};
