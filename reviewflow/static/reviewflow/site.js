/* Live check progress without reloading, and the repost source fields; pages work without it too. */
(function () {
  "use strict";
  var POLL_MS = 800;

  function showProgress(section, state) {
    section.hidden = false;
    var reached = false;
    section.querySelectorAll("[data-state]").forEach(function (step) {
      var current = step.dataset.state === state;
      step.classList.toggle("current", current);
      step.classList.toggle("done", !reached && !current);
      reached = reached || current;
    });
    document.dispatchEvent(new CustomEvent("reviewflow:progress", {detail: state}));
  }

  function replaceMain(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
    document.querySelector("main").replaceWith(fresh);
    init(fresh);
  }

  function refresh() {
    return fetch(location.href, {credentials: "same-origin"}).then(function (r) { return r.text(); }).then(replaceMain);
  }

  function poll(section) {
    fetch(section.dataset.api, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (draft) {
        if (draft && draft.status !== "checking") {
          showProgress(section, "done");
          return refresh();
        }
        showProgress(section, draft && draft.check ? draft.check.status : "pending");
        setTimeout(function () { poll(section); }, POLL_MS);
      })
      .catch(function () { setTimeout(function () { poll(section); }, POLL_MS * 4); });
  }

  function liveSubmit(form, section) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      form.querySelector("button").disabled = true;
      showProgress(section, "submitted");
      fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"})
        .then(function (r) { return r.text(); }).then(replaceMain);
    });
  }

  function toggleSource(select) {
    var fields = document.getElementById(select.dataset.toggles);
    var update = function () { fields.hidden = select.value !== "repost"; };
    select.addEventListener("change", update);
    update();
  }

  function init(root) {
    var section = root.querySelector("#check-progress");
    var form = root.querySelector("form[data-live-submit]");
    if (section && form) { liveSubmit(form, section); }
    if (section && section.hasAttribute("data-checking")) { poll(section); }
    root.querySelectorAll("select[data-toggles]").forEach(toggleSource);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
