// One colour per ACLED event type, shared by the map, the legend, the timeline and the tables.
"use strict";
window.RASD_COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d"
};
window.rasdColor = function (type) { return window.RASD_COLORS[type] || "#333333"; };
document.querySelectorAll(".swatch[data-type]").forEach(function (el) {
  el.style.backgroundColor = window.rasdColor(el.dataset.type);
});
