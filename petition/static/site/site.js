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

  // The clinic's ZIP of court papers: fetched here so the page can count the papers as the
  // server makes them (each starts a ZIP entry), then saved as a file. Without JavaScript, or
  // if anything fails, the form posts as usual and the note gives the time it takes.
  var packets = document.getElementById("packets-button");
  var progress = document.getElementById("packets-progress");
  var count = document.getElementById("packets-count");
  if (packets && progress && count && window.fetch && window.ReadableStream && window.Blob) {
    var total = parseInt(packets.getAttribute("data-packets"), 10) || 0;
    var entryMark = [0x50, 0x4b, 0x03, 0x04];  // "PK\3\4": a ZIP entry begins
    packets.addEventListener("click", function (event) {
      var form = packets.form;
      var data = new FormData(form);
      data.set("format", "zip");
      event.preventDefault();
      packets.disabled = true;
      progress.parentNode.hidden = false;
      var made = 0;
      var matched = 0;
      var chunks = [];
      var show = function () {
        progress.value = Math.min(made, total);
        count.textContent = Math.min(made, total) + " / " + total;
      };
      fetch(form.action, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok || !response.body) { throw new Error(String(response.status)); }
          var reader = response.body.getReader();
          var read = function () {
            return reader.read().then(function (step) {
              if (step.done) { return; }
              chunks.push(step.value);
              for (var i = 0; i < step.value.length; i += 1) {
                matched = step.value[i] === entryMark[matched] ? matched + 1
                  : (step.value[i] === entryMark[0] ? 1 : 0);
                if (matched === entryMark.length) { made += 1; matched = 0; }
              }
              show();
              return read();
            });
          };
          return read();
        })
        .then(function () {
          made = total;
          show();
          var link = document.createElement("a");
          link.href = URL.createObjectURL(new Blob(chunks, {type: "application/zip"}));
          link.download = "prop64-packets.zip";
          document.body.appendChild(link);
          link.click();
          link.remove();
          packets.disabled = false;
        })
        .catch(function () {
          // Fall back to the plain form post (a rate limit page, a dropped connection...).
          packets.disabled = false;
          progress.parentNode.hidden = true;
          var format = document.createElement("input");
          format.type = "hidden";
          format.name = "format";
          format.value = "zip";
          form.appendChild(format);
          form.submit();
        });
    });
  }
})();
