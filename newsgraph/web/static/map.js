// Places on a Leaflet map that works offline: country outlines (Natural Earth, vendored as
// TopoJSON and turned into GeoJSON here) are the base layer; circle markers are sized by mentions
// and link to each place's page. OpenStreetMap tiles are an optional layer, off until the reader
// switches them on, so no request leaves the machine by default.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var source = document.getElementById("places-data");
  if (!window.L || !el || !source) { return; }
  var data = JSON.parse(source.textContent);
  var OUTLINES = "/static/vendor/world-atlas/countries-50m.json";
  var map = L.map(el, { worldCopyJump: true, minZoom: 1 }).setView([25, 10], 2);
  // outlines under the markers: their own pane, below Leaflet's overlay pane (z-index 400)
  map.createPane("outlines").style.zIndex = 350;
  var land = { color: "#8a97a6", weight: 0.6, fillColor: "#fbfbf8", fillOpacity: 1 };
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap contributors"
  });
  // with tiles on, the outlines stay as lines only, so the tiles show through
  function fill() { return map.hasLayer(tiles) ? 0 : land.fillOpacity; }
  // the layer and its renderer exist from the start (and follow every zoom); the data comes in when read
  var outlines = L.geoJSON(null, {
    pane: "outlines", renderer: L.svg({ pane: "outlines" }), interactive: false,
    style: function () { return { color: land.color, weight: land.weight, fillColor: land.fillColor, fillOpacity: fill() }; }
  }).addTo(map);
  L.control.layers(null, {
    "Country outlines (offline)": outlines,
    "OpenStreetMap tiles (online)": tiles
  }, { collapsed: el.classList.contains("small") }).addTo(map);
  map.on("overlayadd overlayremove", function () { outlines.setStyle({ fillOpacity: fill() }); });
  // the outlines are spherical (made for d3-geo): a ring that crosses the antimeridian (Russia,
  // Fiji) jumps from 180 to -180; keep each ring's longitudes continuous so Leaflet's flat map
  // does not draw a line across the world
  function unwrap(ring) {
    for (var i = 1; i < ring.length; i++) {
      while (ring[i][0] - ring[i - 1][0] > 180) { ring[i][0] -= 360; }
      while (ring[i][0] - ring[i - 1][0] < -180) { ring[i][0] += 360; }
    }
  }
  function unwrapAll(feature) {
    var g = feature.geometry;
    var polygons = !g ? [] : g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    polygons.forEach(function (rings) { rings.forEach(unwrap); });
    return feature;
  }
  if (window.topojson) {
    fetch(OUTLINES).then(function (r) { return r.json(); }).then(function (topo) {
      var countries = window.topojson.feature(topo, topo.objects.countries);
      countries.features.forEach(unwrapAll);
      outlines.addData(countries);
      el.classList.add("outlines-ready");
    });
  }

  var most = Math.max.apply(null, data.places.map(function (p) { return p.mentions; }).concat([1]));
  var bounds = [];
  var LABELLED = 12; // the most mentioned places keep their names on the map
  data.places.forEach(function (p, i) {
    var selected = p.name === data.selected;
    var radius = 4 + 16 * Math.sqrt(p.mentions / most);
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: radius,
      color: selected ? "#b3261e" : "#1d4ed8", weight: selected ? 3 : 1, fillOpacity: 0.45
    }).addTo(map);
    // text via DOM nodes, never HTML strings: names come from untrusted articles
    var box = document.createElement("div");
    var name = document.createElement("a");
    name.className = "place-link";
    name.href = "/place/" + encodeURIComponent(p.name);
    name.textContent = p.name;
    var info = document.createElement("div");
    info.textContent = p.mentions + " mentions in " + p.articles + " articles";
    var link = document.createElement("a");
    link.href = "/timeline?place=" + encodeURIComponent(p.name);
    link.textContent = "timeline";
    box.append(name, info, link);
    marker.bindPopup(box);
    marker.bindTooltip(p.name, {
      permanent: i < LABELLED || selected, direction: "right", offset: [radius, 0], className: "place-label"
    });
    bounds.push([p.lat, p.lon]);
    if (selected) { map.setView([p.lat, p.lon], data.zoom || 5, { animate: false }); if (!data.zoom) { marker.openPopup(); } }
  });
  if (bounds.length && !data.selected) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6, animate: false }); }
  var row = document.getElementById("selected");
  if (row && !data.places.some(function (p) { return p.name === data.selected; })) { row.scrollIntoView(); }
})();
