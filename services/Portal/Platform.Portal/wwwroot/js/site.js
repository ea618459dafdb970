// Duban portal: the only script. The unread count follows the server's event stream; everything else works without it.
(function () {
    "use strict";
    var badge = document.getElementById("unread");
    if (badge && window.EventSource) {
        var source = new EventSource(badge.getAttribute("data-stream"));
        source.addEventListener("unread", function (e) {
            var n = parseInt(e.data, 10) || 0;
            badge.textContent = n > 0 ? String(n) : "";
            badge.setAttribute("data-count", String(n));
            badge.setAttribute("aria-label", n + " 条未读");
        });
    }
    // A form whose button asks for confirmation (data-confirm) is sent only when confirmed.
    document.addEventListener("submit", function (e) {
        var button = e.submitter;
        var question = button && button.getAttribute("data-confirm");
        if (question && !window.confirm(question)) {
            e.preventDefault();
        }
    });
})();
