// The events map (Leaflet, offline base map, clusters, colour by type) and the timeline brush.
"use strict";
(function () {
  var mapEl = document.getElementById("map");
  var form = document.getElementById("filters");
  var statusEl = document.getElementById("status");
  var svg = document.getElementById("timeline");
  var NS = "http://www.w3.org/2000/svg";
  var map = L.map(mapEl, { zoomSnap: 0.5, minZoom: 3, maxZoom: 14 }).setView([34.8, 38.5], 6);
  map.attributionControl.setPrefix(false);
  var typeLabels = JSON.parse(mapEl.dataset.types || "{}");
  function typeName(type) { return typeLabels[type] || type; }
  var clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(clusters);

  function text(value) { return document.createTextNode(value == null ? "" : String(value)); }
  function el(tag, children, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? text(c) : c); });
    return node;
  }

  // The base map has a pane of its own under the events, countries drawn first, governorates over them.
  map.createPane("base").style.zIndex = 350;
  fetch("/static/basemap.json").then(function (r) { return r.json(); }).then(function (data) {
    L.geoJSON(data, {
      pane: "base",
      style: function (f) {
        return f.properties.kind === "country"
          ? { color: "#7a7a7a", weight: 1.2, fillColor: "#f3f1ea", fillOpacity: 1, className: "country" }
          : { color: "#9c8f6e", weight: 1, dashArray: "4 3", fill: true, fillColor: "#9c8f6e", fillOpacity: 0.04,
              className: "admin1" };
      },
      onEachFeature: function (f, layer) {
        var label = f.properties.name_ar ? f.properties.name_ar + " / " + f.properties.name : f.properties.name;
        layer.bindTooltip(label, { sticky: true, className: "admin-tip" });
        layer.on("add", function () { layer.getElement().setAttribute("data-name", f.properties.name); });
      }
    }).addTo(map);
  });

  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var box = el("div", [el("b", [mapEl.dataset.legend])], { "class": "legend", id: "legend", dir: "auto" });
    Object.keys(window.RASD_COLORS).forEach(function (type) {
      var sw = el("span", [], { "class": "swatch" });
      sw.style.backgroundColor = window.rasdColor(type);
      box.appendChild(el("div", [sw, " " + typeName(type)], { "data-type": type }));
    });
    return box;
  };
  legend.addTo(map);

  function params(extra) {
    var data = new FormData(form);
    var query = new URLSearchParams();
    data.forEach(function (value, key) { if (value) { query.set(key, value); } });
    Object.keys(extra || {}).forEach(function (k) { query.set(k, extra[k]); });
    return query;
  }

  function popup(p) {
    var box = el("div", [el("b", [typeName(p.event_type) + " — " + p.sub_event_type]), el("br"),
      (p.event_date || "") + " · " + (p.location_ar || p.location || "") + " · " + (p.admin1 || ""), el("br"),
      (p.actor1 || "") + (p.actor2 ? " / " + p.actor2 : "") + " · ☠ " + p.fatalities, el("br")], { dir: "auto" });
    box.appendChild(el("a", [mapEl.dataset.article], { href: "/articles/" + encodeURIComponent(p.article_id), "class": "to-article" }));
    box.appendChild(text(" · "));
    box.appendChild(el("a", [mapEl.dataset.review], { href: "/events/" + encodeURIComponent(p.event_id_cnty) }));
    return box;
  }

  function loadMap() {
    var query = params();
    document.getElementById("dl-csv").href = "/api/events?" + params({ format: "csv" });
    document.getElementById("dl-geojson").href = "/api/events?" + params({ format: "geojson" });
    return fetch("/api/events?" + params({ format: "geojson" })).then(function (r) { return r.json(); }).then(function (data) {
      clusters.clearLayers();
      var shown = 0;
      data.features.forEach(function (f) {
        if (!f.geometry) { return; }
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], { radius: 7, weight: 1, color: "#222", fillOpacity: 0.85,
          fillColor: window.rasdColor(f.properties.event_type), className: "event-marker" });
        marker.bindPopup(function () { return popup(f.properties); });
        marker.feature = f;
        clusters.addLayer(marker);
        shown += 1;
      });
      statusEl.textContent = shown + " " + mapEl.dataset.shown;
      mapEl.dataset.count = String(shown);
      mapEl.dataset.ready = query.toString() || "all";
    });
  }

  function loadTimeline() {
    var query = params();
    query.delete("since");
    query.delete("until");
    return fetch("/api/stats?" + query).then(function (r) { return r.json(); }).then(function (stats) {
      drawTimeline(stats.timeline);
      var list = document.getElementById("type-counts");
      list.textContent = "";
      stats.event_types.forEach(function (t) {
        var sw = el("span", [], { "class": "swatch" });
        sw.style.backgroundColor = window.rasdColor(t.name);
        list.appendChild(el("li", [sw, typeName(t.name) + " ", el("b", [String(t.count)])]));
      });
    });
  }

  function days(first, last) {
    var out = [], day = new Date(first + "T00:00:00Z"), end = new Date(last + "T00:00:00Z");
    while (day <= end && out.length < 3660) { out.push(day.toISOString().slice(0, 10)); day.setUTCDate(day.getUTCDate() + 1); }
    return out;
  }

  function drawTimeline(rows) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (!rows.length) { return; }
    var all = days(rows[0].day, rows[rows.length - 1].day);
    var width = svg.clientWidth || 600, height = 140, top = 10;
    var step = width / all.length, stacks = {}, max = 1;
    rows.forEach(function (r) { stacks[r.day] = (stacks[r.day] || 0) + r.count; max = Math.max(max, stacks[r.day]); });
    var base = {};
    rows.forEach(function (r) {
      var i = all.indexOf(r.day), h = (r.count / max) * (height - top), y0 = base[r.day] || 0;
      var rect = document.createElementNS(NS, "rect");
      rect.setAttribute("x", (i * step).toFixed(1)); rect.setAttribute("width", Math.max(step - 1, 1).toFixed(1));
      rect.setAttribute("y", (height - y0 - h).toFixed(1)); rect.setAttribute("height", h.toFixed(1));
      rect.setAttribute("fill", window.rasdColor(r.event_type)); rect.setAttribute("class", "bar");
      var title = document.createElementNS(NS, "title"); title.textContent = r.day + " · " + typeName(r.event_type) + ": " + r.count;
      rect.appendChild(title);
      svg.appendChild(rect);
      base[r.day] = y0 + h;
    });
    var brush = document.createElementNS(NS, "rect");
    brush.setAttribute("id", "brush"); brush.setAttribute("y", "0"); brush.setAttribute("height", String(height));
    brush.setAttribute("width", "0"); brush.setAttribute("class", "brush");
    svg.appendChild(brush);
    svg.dataset.first = all[0]; svg.dataset.last = all[all.length - 1];
    var start = null;
    function dayAt(x) { return all[Math.min(all.length - 1, Math.max(0, Math.floor(x / step)))]; }
    function xOf(evt) { return evt.clientX - svg.getBoundingClientRect().left; }
    svg.onmousedown = function (evt) { start = xOf(evt); brush.setAttribute("x", String(start)); brush.setAttribute("width", "0"); };
    svg.onmousemove = function (evt) {
      if (start === null) { return; }
      var x = xOf(evt);
      brush.setAttribute("x", String(Math.min(start, x))); brush.setAttribute("width", String(Math.abs(x - start)));
    };
    svg.onmouseup = function (evt) {
      if (start === null) { return; }
      var a = dayAt(Math.min(start, xOf(evt))), b = dayAt(Math.max(start, xOf(evt)));
      start = null;
      document.getElementById("f-since").value = a;
      document.getElementById("f-until").value = b;
      loadMap();
    };
  }

  form.addEventListener("submit", function (evt) { evt.preventDefault(); loadMap(); loadTimeline(); });
  form.addEventListener("reset", function () { setTimeout(function () { loadMap(); loadTimeline(); }, 0); });
  loadMap();
  loadTimeline();
})();
