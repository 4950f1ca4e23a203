// Keyboard for the item screen: a accept, c correct (then Enter), r reject, j/k next/previous, z zoom.
(function () {
  "use strict";
  var form = document.getElementById("decision");
  var page = document.getElementById("page");
  var zoom = document.getElementById("zoom");
  function toggleZoom() {
    if (!page) { return; }
    var whole = page.getAttribute("viewBox") === page.dataset.full;
    page.setAttribute("viewBox", whole ? page.dataset.region : page.dataset.full);
    if (zoom) { zoom.textContent = whole ? "whole page (z)" : "zoom to the item (z)"; }
  }
  if (zoom) { zoom.addEventListener("click", toggleZoom); }
  function press(id) { var b = document.getElementById(id); if (b) { b.click(); } }
  function go(id) { var a = document.getElementById(id); if (a) { window.location.href = a.href; } }
  if (form) {
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("[data-field]")) {
        event.preventDefault();
        press("correct");
      } else if (event.key === "Escape") {
        event.target.blur();
      }
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var typing = event.target.closest && event.target.closest("input, select, textarea");
    if (typing || !form) { return; }
    var actions = {
      a: function () { press("accept"); },
      r: function () { press("reject"); },
      c: function () { var f = form.querySelector("[data-field]"); if (f) { f.focus(); if (f.select) { f.select(); } } },
      j: function () { go("next"); },
      k: function () { go("prev"); },
      z: toggleZoom
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });
}());
