// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");

  // GOV.UK error summary pattern: move focus to the summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  // Leave this site quickly: replace this page in history so Back does not return here.
  var leave = document.getElementById("leave-site");
  function leaveNow(event) {
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    window.location.replace(leave.href);
  }
  if (leave) {
    leave.addEventListener("click", leaveNow);
    var escapes = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        escapes += 1;
        if (escapes >= 3) { leaveNow(); }
        window.setTimeout(function () { escapes = 0; }, 2000);
      }
    });
  }

  // A printed result shows the law behind it, even where it is folded away on screen.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
      details.open = true;
    });
  });

  var print = document.querySelectorAll(".print-button");
  Array.prototype.forEach.call(print, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
