/* eventwire map page: events from GET /events on a Leaflet map over a world-atlas basemap,
   clustered and coloured by PLOVER type, a timeline that filters them, and an event panel.
   Plain JavaScript, no build step. Every text that comes from the store is put into the page
   with textContent / createTextNode, never as HTML. */
(function () {
  "use strict";

  var COLORS = {
    AGREE: "#2e7d32", CONSULT: "#81c784", SUPPORT: "#00897b", CONCEDE: "#4db6ac",
    COOPERATE: "#1e88e5", AID: "#64b5f6", RETREAT: "#a1887f", REQUEST: "#7e57c2",
    ACCUSE: "#fb8c00", REJECT: "#ffb74d", THREATEN: "#f4511e", PROTEST: "#fdd835",
    SANCTION: "#6d4c41", MOBILIZE: "#8e24aa", COERCE: "#e53935", ASSAULT: "#b71c1c"
  };
  var PAGE = 10000;
  var DAY = 86400000;

  var state = { events: [], period: null, bins: [], binDays: 1, markers: [], selected: null };
  var api = { ready: false, markers: [], errors: [] };
  window.eventwire = api;
  window.eventwireMarkers = api.markers;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function status(text) {
    document.getElementById("status").textContent = text;
  }

  function getJSON(url) {
    return fetch(url).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && body.detail) || r.statusText);
        return body;
      });
    });
  }

  // ---- map ------------------------------------------------------------------------------
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 10], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  api.map = map;
  var clusters = L.markerClusterGroup({
    maxClusterRadius: 28, showCoverageOnHover: false, spiderfyOnMaxZoom: true, animate: false
  });
  map.addLayer(clusters);

  /** Rings cut at the antimeridian (Fiji, Chukotka, Antarctica) jump from 180 to -180
      degrees; shift the rest of such a ring by 360 so no line is drawn across the world. */
  function unwrap(ring) {
    var shift = 0;
    return ring.map(function (pt, i) {
      if (i > 0) {
        var step = pt[0] - ring[i - 1][0];
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      return [pt[0] + shift, pt[1]];
    });
  }

  function unwrapGeometry(g) {
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    else if (g.type === "MultiPolygon") {
      g.coordinates = g.coordinates.map(function (poly) { return poly.map(unwrap); });
    }
  }

  var basemap = getJSON("/static/vendor/world-atlas/countries-110m.json").then(function (world) {
    var land = topojson.feature(world, world.objects.countries);
    land.features.forEach(function (f) { if (f.geometry) unwrapGeometry(f.geometry); });
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#9aa5ab", weight: 0.6, fillColor: "#f3f0e8", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });

  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var box = el("div", null, "legend");
    Object.keys(COLORS).forEach(function (type) {
      var row = el("div");
      var swatch = el("span", null, "swatch");
      swatch.style.background = COLORS[type];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(type));
      box.appendChild(row);
    });
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);

  function places(event) {
    var list = event.locations && event.locations.length ? event.locations : [event.location];
    return list.filter(function (p) {
      return p && typeof p.lat === "number" && typeof p.lon === "number";
    });
  }

  function eventDays(event) {
    var d = event.date;
    if (!d) return null;
    var from = d.value || d.from, to = d.value || d.to || from;
    if (!from) return null;
    return [Date.parse(from), Date.parse(to)];
  }

  function inPeriod(event) {
    if (!state.period) return true;
    var days = eventDays(event);
    return !!days && days[1] >= state.period[0] && days[0] <= state.period[1];
  }

  function drawMarkers() {
    clusters.clearLayers();
    state.markers = [];
    api.markers.length = 0;
    var layers = [];
    state.events.filter(inPeriod).forEach(function (event) {
      places(event).forEach(function (place) {
        var dot = el("div", null, "ew-marker");
        dot.style.background = COLORS[event.type] || "#555";
        dot.dataset.eventId = event.id;
        if (event.id === state.selected) dot.classList.add("selected");
        dot.dataset.type = event.type;
        dot.dataset.lat = place.lat;
        dot.dataset.lon = place.lon;
        dot.title = event.type + (place.name ? " · " + place.name : "");
        var marker = L.marker([place.lat, place.lon], {
          icon: L.divIcon({ html: dot, className: "", iconSize: [14, 14] }),
          keyboard: true, title: dot.title
        });
        marker.on("click", function () { showEvent(event); });
        layers.push(marker);
        state.markers.push({ marker: marker, event: event });
        api.markers.push({
          id: event.id, type: event.type, name: place.name || null,
          lat: place.lat, lon: place.lon, date: event.date ? (event.date.value || event.date.from) : null
        });
      });
    });
    clusters.addLayers(layers);
    status(api.markers.length + " markers · " + state.events.length + " events" +
      (state.total > state.events.length ? " (first " + state.events.length + " of " + state.total + ")" : ""));
  }

  /** Zoom so that every marker is in view (only those of one article if given). */
  api.fitEvents = function (articleId) {
    var chosen = state.markers.filter(function (m) {
      return !articleId || m.event.article_id === articleId;
    });
    if (!chosen.length) return false;
    var bounds = L.latLngBounds(chosen.map(function (m) { return m.marker.getLatLng(); }));
    map.fitBounds(bounds, { padding: [30, 30], animate: false, maxZoom: 6 });
    return true;
  };

  /** Markers drawn on their own (not inside a cluster) in the current view. */
  api.visibleMarkers = function () {
    var shown = [];
    state.markers.forEach(function (m) {
      var parent = clusters.getVisibleParent(m.marker);
      if (parent === m.marker && map.getBounds().contains(m.marker.getLatLng())) {
        var p = m.marker.getLatLng();
        shown.push({ id: m.event.id, type: m.event.type, lat: p.lat, lon: p.lng });
      }
    });
    return shown;
  };

  /** The markers of the clusters and single markers drawn in the current view, with counts. */
  api.drawn = function () {
    var out = [];
    var seen = new Set();
    state.markers.forEach(function (m) {
      var parent = clusters.getVisibleParent(m.marker);
      if (!parent || seen.has(parent)) return;
      seen.add(parent);
      var p = parent.getLatLng();
      out.push({ lat: p.lat, lon: p.lng, count: parent.getChildCount ? parent.getChildCount() : 1 });
    });
    return out;
  };

  // ---- timeline -------------------------------------------------------------------------
  var svg = document.getElementById("timeline");
  var SVG = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function buildBins() {
    var dated = state.events.map(eventDays).filter(Boolean);
    state.bins = [];
    if (!dated.length) return;
    var min = Math.min.apply(null, dated.map(function (d) { return d[0]; }));
    var max = Math.max.apply(null, dated.map(function (d) { return d[0]; }));
    var span = (max - min) / DAY;
    state.binDays = span > 120 ? 7 : 1;
    var start = min;
    if (state.binDays === 7) {  // weeks start on Monday
      var weekday = (new Date(min).getUTCDay() + 6) % 7;
      start = min - weekday * DAY;
    }
    var width = state.binDays * DAY;
    var n = Math.floor((max - start) / width) + 1;
    for (var i = 0; i < n; i++) state.bins.push({ from: start + i * width, to: start + (i + 1) * width - DAY, count: 0 });
    dated.forEach(function (d) { state.bins[Math.floor((d[0] - start) / width)].count += 1; });
    document.getElementById("timeline-label").textContent =
      "Events per " + (state.binDays === 7 ? "week" : "day") + " (drag to select a period)";
  }

  var PAD = 24;

  function drawTimeline() {
    clear(svg);
    var w = svg.clientWidth || 600, h = svg.clientHeight || 100;
    var bins = state.bins;
    if (!bins.length) {
      var none = svgEl("text", { x: 8, y: 20 });
      none.textContent = "no dated events";
      svg.appendChild(none);
      return;
    }
    var max = Math.max.apply(null, bins.map(function (b) { return b.count; })) || 1;
    var bw = (w - 2 * PAD) / bins.length;
    bins.forEach(function (b, i) {
      var bh = (h - 22) * b.count / max;
      var outside = state.period && (b.to < state.period[0] || b.from > state.period[1]);
      var rect = svgEl("rect", {
        x: PAD + i * bw + 0.5, y: h - 16 - bh, width: Math.max(bw - 1, 1), height: bh,
        class: "bar" + (outside ? " out" : ""), "data-from": iso(b.from), "data-count": b.count
      });
      var tip = svgEl("title", {});
      tip.textContent = iso(b.from) + ": " + b.count;
      rect.appendChild(tip);
      svg.appendChild(rect);
    });
    [0, bins.length - 1].forEach(function (i) {
      var label = svgEl("text", { x: i ? w - PAD : PAD, y: h - 3, "text-anchor": i ? "end" : "start" });
      label.textContent = iso(bins[i].from);
      svg.appendChild(label);
    });
    if (state.period) {
      var x0 = xOf(state.period[0]), x1 = xOf(state.period[1] + DAY);
      svg.appendChild(svgEl("rect", { x: x0, y: 0, width: Math.max(x1 - x0, 2), height: h - 16, class: "brush" }));
    }
  }

  function xOf(ms) {
    var w = svg.clientWidth || 600, bins = state.bins;
    var t0 = bins[0].from, t1 = bins[bins.length - 1].to + DAY;
    return PAD + (w - 2 * PAD) * (ms - t0) / (t1 - t0);
  }

  function timeAt(x) {
    var w = svg.clientWidth || 600, bins = state.bins;
    var t0 = bins[0].from, t1 = bins[bins.length - 1].to + DAY;
    var f = Math.min(Math.max((x - PAD) / (w - 2 * PAD), 0), 1);
    return t0 + f * (t1 - t0);
  }

  function floorDay(ms) { return Math.floor(ms / DAY) * DAY; }

  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    if (!state.bins.length) return;
    var x = e.clientX - svg.getBoundingClientRect().left;
    drag = { x0: x, x1: x };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    drag.x1 = e.clientX - svg.getBoundingClientRect().left;
    var a = Math.min(drag.x0, drag.x1), b = Math.max(drag.x0, drag.x1);
    drawTimeline();
    svg.appendChild(svgEl("rect", { x: a, y: 0, width: Math.max(b - a, 1), height: (svg.clientHeight || 100) - 16, class: "brush" }));
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    var a = Math.min(drag.x0, drag.x1), b = Math.max(drag.x0, drag.x1);
    drag = null;
    if (b - a < 3) { setPeriod(null); return; }  // a click clears the period
    setPeriod([floorDay(timeAt(a)), floorDay(timeAt(b) - 1)]);
  });

  function setPeriod(period) {
    state.period = period;
    document.getElementById("period").textContent = period ? iso(period[0]) + " – " + iso(period[1]) : "";
    document.getElementById("period-clear").hidden = !period;
    drawTimeline();
    drawMarkers();
  }
  api.setPeriod = function (from, to) { setPeriod([Date.parse(from), Date.parse(to)]); };
  api.clearPeriod = function () { setPeriod(null); };
  document.getElementById("period-clear").addEventListener("click", function () { setPeriod(null); });
  window.addEventListener("resize", drawTimeline);

  // ---- filters --------------------------------------------------------------------------
  var form = document.getElementById("filters");

  function query() {
    var params = new URLSearchParams();
    ["type", "actor", "country", "factuality"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    params.set("limit", String(PAGE));
    return params.toString();
  }

  function load() {
    status("loading…");
    return getJSON("/events?" + query()).then(function (body) {
      state.events = body.events;
      state.total = body.total;
      buildBins();
      if (state.period && !state.bins.length) state.period = null;
      setPeriod(state.period);
    }).catch(function (err) {
      api.errors.push(String(err.message || err));
      status("error: " + (err.message || err));
    });
  }
  api.reload = load;

  var typing = null;
  form.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(load, 250);
  });
  form.addEventListener("change", function () { clearTimeout(typing); load(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  form.addEventListener("reset", function () { setTimeout(load, 0); });

  function fillChoices() {
    var types = document.getElementById("f-type");
    Object.keys(COLORS).forEach(function (t) { types.appendChild(el("option", t)); });
    return getJSON("/stats").then(function (stats) {
      var list = document.getElementById("countries");
      Object.keys(stats.by_country).forEach(function (c) {
        if (c === "unknown") return;
        var option = el("option");
        option.value = c;
        option.textContent = c + " (" + stats.by_country[c] + ")";
        list.appendChild(option);
      });
    });
  }

  // ---- event panel ----------------------------------------------------------------------
  /** text with the [start, end) spans wrapped in <mark>, built from text nodes only. */
  function highlighted(text, spans) {
    var frag = document.createDocumentFragment();
    var at = 0;
    spans.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (s) {
      if (s.start < at || s.end > text.length || s.end <= s.start) return;
      frag.appendChild(document.createTextNode(text.slice(at, s.start)));
      var mark = el("mark", text.slice(s.start, s.end), s.className || "");
      if (s.title) mark.title = s.title;
      frag.appendChild(mark);
      at = s.end;
    });
    frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function actorText(a) {
    if (!a) return null;
    var parts = [a.name || a.span && a.span.text, a.code && "(" + a.code + ")", a.country, a.sector];
    return parts.filter(Boolean).join(" ");
  }

  function dateText(d) {
    if (!d) return null;
    var when = d.value || ((d.from || "?") + " – " + (d.to || "?"));
    return when + (d.precision ? " (" + d.precision + ")" : "") + (d.text ? " · “" + d.text + "”" : "");
  }

  function placeText(p) {
    if (!p) return null;
    var parts = [p.name, p.admin1, p.country];
    var where = parts.filter(Boolean).join(", ");
    if (typeof p.lat === "number") where += " [" + p.lat.toFixed(3) + ", " + p.lon.toFixed(3) + "]";
    return where;
  }

  function showEvent(event) {
    state.selected = event.id;
    Array.prototype.forEach.call(document.querySelectorAll("#map .ew-marker"), function (dot) {
      dot.classList.toggle("selected", dot.dataset.eventId === event.id);
    });
    document.getElementById("panel-hint").hidden = true;
    var box = document.getElementById("event");
    box.hidden = false;
    box.dataset.eventId = event.id;
    document.getElementById("ev-title").textContent = event.type + (event.mode ? " · " + event.mode : "");
    var sentence = document.getElementById("ev-sentence");
    clear(sentence);
    var ev = event.evidence || { text: "", start: 0 };
    var t = event.trigger;
    var spans = t ? [{ start: t.start - ev.start, end: t.end - ev.start, className: "trigger", title: "trigger" }] : [];
    sentence.appendChild(highlighted(ev.text || "", spans));

    var table = document.getElementById("ev-fields");
    clear(table);
    var locations = (event.locations || []).map(placeText).filter(Boolean);
    [
      ["source", actorText(event.source)],
      ["target", actorText(event.target)],
      ["factuality", event.factuality + (event.attributed_to ? " · according to " + event.attributed_to.text : "")],
      ["date", dateText(event.date)],
      ["location", placeText(event.location)],
      ["all places", locations.length > 1 ? locations.join("; ") : null],
      ["fatalities", event.fatalities !== null && event.fatalities !== undefined ? event.fatalities : event.fatalities_text],
      ["context", (event.context || []).join(", ")],
      ["trigger", t ? "“" + t.text + "” [" + t.start + ":" + t.end + "]" : null],
      ["confidence", typeof event.confidence === "number" ? event.confidence.toFixed(2) : null],
      ["review", event.review ? event.review.status : null],
      ["rules", (event.rules || []).join(", ")],
      ["event id", event.id],
      ["article id", event.article_id]
    ].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      var tr = el("tr");
      tr.appendChild(el("th", row[0]));
      tr.appendChild(el("td", row[1]));
      table.appendChild(tr);
    });

    var sources = document.getElementById("ev-sources");
    clear(sources);
    var others = event.sources || [];
    if (!others.length) sources.appendChild(el("li", "none recorded (reports of the same event are merged in a later version)", "hint"));
    others.forEach(function (s) {
      sources.appendChild(el("li", typeof s === "string" ? s : [s.article_id, s.title, s.url].filter(Boolean).join(" · ")));
    });
    return showArticle(event);
  }
  api.showEvent = function (id) {
    var found = state.events.filter(function (e) { return e.id === id; })[0];
    return found ? showEvent(found) : getJSON("/events/" + encodeURIComponent(id)).then(showEvent);
  };

  function showArticle(event) {
    var meta = document.getElementById("ar-meta"), text = document.getElementById("ar-text");
    meta.textContent = "loading…";
    clear(text);
    return getJSON("/articles/" + encodeURIComponent(event.article_id)).then(function (body) {
      if (state.selected !== event.id) return;
      var a = body.article;
      meta.textContent = [a.title, a.date || "reference " + a.reference_date, a.url || a.id].filter(Boolean).join(" · ");
      var spans = body.events.filter(function (e) { return e.trigger; }).map(function (e) {
        return {
          start: e.trigger.start, end: e.trigger.end, title: e.type,
          className: e.id === event.id ? "trigger" : ""
        };
      });
      text.appendChild(highlighted(a.text, spans));
      var mark = text.querySelector("mark.trigger");
      if (mark) mark.scrollIntoView({ block: "center" });
    }).catch(function (err) { meta.textContent = "article: " + (err.message || err); });
  }

  // ---- start ----------------------------------------------------------------------------
  Promise.all([basemap, fillChoices(), load()]).then(function () {
    api.fitEvents();
    api.ready = true;
    document.body.dataset.ready = "1";
  }).catch(function (err) {
    api.errors.push(String(err.message || err));
    status("error: " + (err.message || err));
    api.ready = true;
    document.body.dataset.ready = "1";
  });
})();
