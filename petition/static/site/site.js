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

  // Timeout warning (GOV.UK pattern): 5 minutes before the answers are deleted, say so and
  // offer "Keep my answers", which renews the session. Without JavaScript the page's notice
  // gives the time instead.
  var notice = document.getElementById("timeout-notice");
  var warning = document.getElementById("timeout-warning");
  var keep = document.getElementById("keep-answers");
  if (notice && warning && keep) {
    var minutes = parseInt(notice.getAttribute("data-minutes"), 10) || 30;
    var timer = null;
    var schedule = function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        warning.hidden = false;
        keep.focus();
      }, Math.max(minutes - 5, 0) * 60 * 1000);
    };
    keep.addEventListener("click", function () {
      fetch(keep.getAttribute("data-url"), {credentials: "same-origin"}).then(function () {
        warning.hidden = true;
        schedule();
      });
    });
    schedule();
  }
})();
