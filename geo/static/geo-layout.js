/* geo map: the page's layout. The map, the timeline under it, the incident list beside it;
 * on a phone (narrow screen) one column, the list, legend and layer box collapsed behind a
 * button each. MIT licence, part of geo. */
(function () {
  "use strict";
  var el = GeoApp.util.el;
  var NARROW = 700;

  GeoApp.prototype.narrow = function () { return window.innerWidth < NARROW; };

  function toggle(panel, label, app, collapsed) {
    var b = el("button", null, "geo-toggle");
    b.type = "button";
    function set(c) {
      panel.classList.toggle("geo-collapsed", c);
      b.textContent = (c ? "▸ " : "▾ ") + label;
      b.setAttribute("aria-expanded", String(!c));
      app.map.invalidateSize({animate: false});
      if (app.drawTimeline) app.drawTimeline();
      if (!c && app.renderList) app.renderList();
    }
    b.addEventListener("click", function () { set(!panel.classList.contains("geo-collapsed")); });
    panel.insertBefore(b, panel.firstChild);
    set(collapsed);
    return b;
  }

  GeoApp.prototype.setupLayout = function () {
    var mapDiv = this.map.getContainer(), layout = el("div", null, "geo-layout"), main = el("div", null, "geo-main");
    mapDiv.parentNode.insertBefore(layout, mapDiv);
    mapDiv.classList.add("geo-map");
    main.appendChild(mapDiv);
    main.appendChild(this.timelineBox);
    layout.appendChild(main);
    layout.appendChild(this.listBox);
    var narrow = this.narrow();
    toggle(this.listBox, "Incident list", this, narrow);
    toggle(this.timelineBox, "Timeline", this, false);
    this.map.invalidateSize({animate: false});
    this.collapseLayerBox(narrow);
    var self = this;
    window.addEventListener("resize", function () { self.drawTimeline(); self.renderList(); });
  };

  /* Folium's layer box is built expanded; on a phone it opens from its button instead. */
  GeoApp.prototype.collapseLayerBox = function (narrow) {
    var box = this.map.getContainer().querySelector(".leaflet-control-layers");
    if (!box || !narrow) return;
    var link = box.querySelector(".leaflet-control-layers-toggle");
    box.classList.remove("leaflet-control-layers-expanded");
    L.DomEvent.on(link, "click", function (e) {
      L.DomEvent.preventDefault(e);
      box.classList.toggle("leaflet-control-layers-expanded");
    });
    this.map.on("click", function () { box.classList.remove("leaflet-control-layers-expanded"); });
  };
})();
