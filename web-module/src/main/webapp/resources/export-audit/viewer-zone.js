// The pages show times in the browser's time zone: keep it in a cookie the server reads. When the
// page was drawn in another zone (the first visit, or the machine travelled), draw it once more.
(function () {
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (unknown) {
        return;
    }
    if (!zone) {
        return;
    }
    document.cookie = "ea-zone=" + encodeURIComponent(zone) + "; path=/; SameSite=Lax";
    // this script runs at the top of the head, before the meta that names the zone of the page
    document.addEventListener("DOMContentLoaded", function () {
        var drawn = document.querySelector('meta[name="ea-zone"]');
        var again = "ea-zone-redrawn";
        if (drawn && drawn.content !== zone && sessionStorage.getItem(again) !== zone) {
            sessionStorage.setItem(again, zone); // once per zone: a browser that keeps no cookie is not reloaded forever
            window.location.replace(window.location.href); // a GET, even where a form's POST drew the page
        }
    });
})();
