// Evidence in the text and the event tables light each other up on hover or focus.
"use strict";
(function () {
  function marks(index) { return document.querySelectorAll('mark.evidence[data-events~="' + index + '"]'); }
  function light(index, on) {
    marks(index).forEach(function (m) { m.classList.toggle("lit", on); });
    var table = document.querySelector('table[data-index="' + index + '"]');
    if (table) { table.classList.toggle("lit", on); }
  }
  document.querySelectorAll("table.event-fields").forEach(function (table) {
    var index = table.dataset.index;
    table.addEventListener("mouseenter", function () { light(index, true); });
    table.addEventListener("mouseleave", function () { light(index, false); });
  });
  document.querySelectorAll("mark.evidence").forEach(function (mark) {
    var indexes = mark.dataset.events.trim().split(/\s+/);
    mark.addEventListener("mouseenter", function () { indexes.forEach(function (i) { light(i, true); }); });
    mark.addEventListener("mouseleave", function () { indexes.forEach(function (i) { light(i, false); }); });
  });
})();
