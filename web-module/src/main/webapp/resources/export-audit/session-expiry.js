// When the session has expired, an ajax request is answered 401 (elytron-oidc-client detects it
// as such): reload the page, which goes through the Keycloak login again, instead of failing silently.
(function () {
    var faces = window.faces || window.jsf;
    if (faces && faces.ajax) {
        faces.ajax.addOnError(function (data) {
            if (data.responseCode === 401 || data.responseCode === 403) {
                window.location.reload();
            }
        });
    }
    document.addEventListener("pfAjaxError", function (event) {
        if (event.detail && event.detail.xhr && event.detail.xhr.status === 401) {
            window.location.reload();
        }
    });
})();
