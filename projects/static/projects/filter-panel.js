// The listing's filter panel is a <details> element, closed by default so that phones show
// the projects first. On wide screens there is room beside the results: open it there.
(function () {
    "use strict";
    var panel = document.querySelector("[data-filter-panel]");
    if (panel && window.matchMedia("(min-width: 48rem)").matches) {
        panel.open = true;
    }
})();
