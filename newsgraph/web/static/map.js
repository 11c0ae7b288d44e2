// Places on a Leaflet map: circle markers sized by mentions. Tiles come from OpenStreetMap
// when online; markers, popups and the place list below work offline.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var data = JSON.parse(document.getElementById("places-data").textContent);
  if (!window.L || !el) { return; }
  var map = L.map(el, { worldCopyJump: true }).setView([25, 10], 2);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap contributors"
  }).addTo(map);
  var most = Math.max.apply(null, data.places.map(function (p) { return p.mentions; }).concat([1]));
  var bounds = [];
  var LABELLED = 12; // the most mentioned places keep their names on the map: readable even without tiles
  data.places.forEach(function (p, i) {
    var selected = p.name === data.selected;
    var radius = 4 + 16 * Math.sqrt(p.mentions / most);
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: radius,
      color: selected ? "#b3261e" : "#1d4ed8", weight: selected ? 3 : 1, fillOpacity: 0.45
    }).addTo(map);
    // text via DOM nodes, never HTML strings: names come from untrusted articles
    var box = document.createElement("div");
    var name = document.createElement("strong");
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
    if (selected) { map.setView([p.lat, p.lon], 5); marker.openPopup(); }
  });
  if (bounds.length && !data.selected) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 }); }
  var row = document.getElementById("selected");
  if (row && !data.places.some(function (p) { return p.name === data.selected; })) { row.scrollIntoView(); }
})();
