// Move focus to the error summary after a failed save, so screen readers announce every error at once.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();
