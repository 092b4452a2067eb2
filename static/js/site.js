// Small progressive enhancements. Everything here is optional: each page works without it.
(function () {
  "use strict";

  // Pre-select the browser's own IANA time zone on forms that ask for one.
  function detectTimeZone(root) {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    root.querySelectorAll("select[data-detect-time-zone]").forEach(function (select) {
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === zone;
      });
      if (known) {
        select.value = zone;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    detectTimeZone(document);
  });
  document.addEventListener("htmx:load", function (event) {
    detectTimeZone(event.target);
  });
})();
