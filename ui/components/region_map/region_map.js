// Sinergi's region map: a Streamlit component (protocol v1, no build step) drawing Leaflet in this frame.
//
// Rules (see ui/region_map.py and geo/maps/web_map.py for the Python side):
// * Boundaries come as static, versioned files ("regency.<hash>.json") fetched once per level and kept in
//   memory and in IndexedDB under their name, so a returning visitor draws without fetching them again; a new
//   name (new data) is a new file. The view's arguments carry only what changes: colours, texts, ranks, layers.
// * Every text reaches the page through textContent, never as HTML: nothing a user typed can become markup.
// * The map is fitted only when the view's "fit key" changes (another level or region); other changes (a
//   measure, a filter, a layer) keep the user's pan and zoom.
// * Drawn with Leaflet's canvas renderer: the 7,285 districts stay quick to draw and to pan.
// * Region names (payload "names", biggest region first) are laid out after every zoom and move: greedily in
//   that order, a name whose box would overlap a name already placed or a control (zoom buttons, scale, legend)
//   is hidden, and one that would cross the map's edge is moved inside it (its point stays under it), so no two
//   names overlap and none is cut off at the edge; zooming in leaves room for more of them.
// * When the regions are drawn, <body data-drawn="N" data-view="..."> says how many, for tests and benchmarks.
// * Presentation mode (args.fill): the frame fills the window below its top, and the legend's type follows the
//   page's root type size, both measured in the page around the frame (same origin) and again when it resizes.
(function () {
  "use strict";

  const BOUNDARY_BASE = "../ui.region_map.boundaries/";
  // a touch screen (no hover): a region's first tap shows its tooltip, a second tap on it opens it
  const COARSE = !!(window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)").matches);
  const DB_NAME = "sinergi-boundaries";
  const state = {
    map: null, renderer: null, args: null, fitKey: null, boundaries: {}, loading: {},
    regions: null, regionKey: null, byCode: {}, layers: {}, tiles: null, tileUrl: null, legend: null, clicks: 0,
    names: [], namesKey: null,
  };

  // ------------------------------------------------------------------ Streamlit protocol (v1)
  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }
  function setValue(value) { send("streamlit:setComponentValue", { value: value, dataType: "json" }); }
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "streamlit:render") return;
    render(event.data.args || {});
  });

  // ------------------------------------------------------------------ boundary files, cached in IndexedDB
  function openDb() {
    return new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(null); return; }
      let req;
      try { req = indexedDB.open(DB_NAME, 1); } catch (e) { resolve(null); return; }
      req.onupgradeneeded = function () { req.result.createObjectStore("files"); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { resolve(null); };
    });
  }
  function dbGet(db, name) {
    return new Promise(function (resolve) {
      if (!db) { resolve(null); return; }
      try {
        const req = db.transaction("files").objectStore("files").get(name);
        req.onsuccess = function () { resolve(req.result || null); };
        req.onerror = function () { resolve(null); };
      } catch (e) { resolve(null); }
    });
  }
  function dbPut(db, name, text, level) {
    if (!db) return;
    try {
      const tx = db.transaction("files", "readwrite");
      const store = tx.objectStore("files");
      // one file per level: older versions of this level go
      const keys = store.getAllKeys();
      keys.onsuccess = function () {
        keys.result.forEach(function (k) { if (k !== name && String(k).split(".")[0] === level) store.delete(k); });
        store.put(text, name);
      };
    } catch (e) { /* private mode or full: the HTTP cache still helps */ }
  }
  const dbReady = openDb();

  function boundaries(name, level) {
    if (state.boundaries[name]) return Promise.resolve(state.boundaries[name]);
    if (state.loading[name]) return state.loading[name];
    state.loading[name] = dbReady.then(function (db) {
      return dbGet(db, name).then(function (kept) {
        if (kept) return kept;
        return fetch(BOUNDARY_BASE + name).then(function (r) {
          if (!r.ok) throw new Error("boundaries " + r.status);
          return r.text();
        }).then(function (text) { dbPut(db, name, text, level); return text; });
      });
    }).then(function (text) {
      const fc = JSON.parse(text);
      state.boundaries[name] = fc;
      delete state.loading[name];
      return fc;
    }, function (err) { delete state.loading[name]; throw err; });
    return state.loading[name];
  }

  // ------------------------------------------------------------------ DOM helpers (text only, never HTML)
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function regionTip(code) {
    const a = state.args, r = state.byCode[code];
    const box = el("div", "sinergi-tip");
    if (!r) return box;
    box.appendChild(el("b", null, r.name));
    const labels = a.labels || [];
    const valueText = a.texts[r.t];
    const row = el("div");
    row.appendChild(el("span", "k", (labels[1] || "") + ": "));
    row.appendChild(document.createTextNode(valueText));
    box.appendChild(row);
    if (a.show_rank) {
      const rank = el("div");
      rank.appendChild(el("span", "k", (labels[2] || "") + ": "));
      // a rank several regions share is said as the places they share: "1–7285 / 7285 (nilai sama)"
      const ties = (a.ties || {})[r.rank] || 1, of = a.ranked || a.regions.length;
      rank.appendChild(document.createTextNode(r.rank === null ? "–" : ties > 1
        ? r.rank + "–" + (r.rank + ties - 1) + " / " + of + " (" + (labels[3] || "=") + ")" : r.rank + " / " + of));
      box.appendChild(rank);
    }
    return box;
  }

  function linesTip(lines) {
    const box = el("div", "sinergi-tip");
    lines.forEach(function (line, i) { box.appendChild(el(i === 0 ? "b" : "div", null, line)); });
    return box;
  }

  // ------------------------------------------------------------------ the map
  function ensureMap(a) {
    if (state.map) return;
    state.renderer = L.canvas({ padding: 0.3, tolerance: 3 });
    state.map = L.map("map", {
      preferCanvas: true, renderer: state.renderer, zoomSnap: 0.25, zoomDelta: 0.5, attributionControl: false,
      minZoom: 3, maxZoom: 14, worldCopyJump: false,
    });
    window.sinergiMap = state.map;  // for the browser tests and benchmarks
    // maxWidth 160: Leaflet draws the longest round distance that fits (half to all of it), so the line is at least
    // 80 px, longer than its own text ("1000 km"); at the default 100 px the tick crossed "500 km"
    L.control.scale({ metric: true, imperial: false, position: "bottomleft", maxWidth: 160 }).addTo(state.map);
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (name) {  // the user moves the map now
      state.map.getContainer().addEventListener(name, function () { state.touched = true; }, { passive: true });
    });
    // above the regions, lines and visit markers (the overlay pane, 400); below the stops' numbers and tooltips
    state.map.createPane("sinergiNames").style.zIndex = 450;
    state.map.on("zoomstart", function () { namesPane().style.visibility = "hidden"; });
    state.map.on("zoomend moveend resize", layoutNames);
    fit(a);
  }

  // Fit the view's regions (or the searched region's centre and zoom) into the frame as it is now.
  function fit(a) {
    state.map.invalidateSize(false);
    // the legend sits in the bottom-left corner: the regions are fitted into the space above it, or beside it
    // when that draws them larger (a wide, low frame: a projector's); in a phone's narrow frame it is below the
    // map instead, see drawLegend
    const legend = state.legend ? state.legend.getContainer() : null;
    const bounds = L.latLngBounds(a.fit || [[-11.2, 94.7], [6.2, 141.1]]);
    let padding = { paddingBottomRight: [0, legend ? legend.offsetHeight + 16 : 0] };
    if (legend) {
      const beside = { paddingTopLeft: [legend.offsetWidth + 16, 0] };
      const zoomOf = function (p) {
        return state.map.getBoundsZoom(bounds, false, L.point(p.paddingTopLeft || [0, 0]).add(
          p.paddingBottomRight || [0, 0]));
      };
      if (zoomOf(beside) > zoomOf(padding)) padding = beside;
    }
    if (a.center && a.zoom) state.map.setView(a.center, a.zoom, { animate: false });
    else state.map.fitBounds(bounds, Object.assign({ animate: false }, padding));
    state.touched = false;
  }

  function regionStyle(r) {
    const a = state.args;
    return {
      fillColor: a.colors[r.c], color: "#ffffff", weight: a.level === "district" ? 0.35 : 0.7, fillOpacity: 0.85,
      dashArray: r.nodata ? "3 3" : null, opacity: 1,
    };
  }

  function drawRegions(fc, a) {
    const key = a.boundaries + "|" + a.regions.map(function (r) { return r[0]; }).join(",");
    state.byCode = {};
    a.regions.forEach(function (r) {
      state.byCode[r[0]] = { c: r[1], t: r[2], rank: r[3], nodata: !!r[4], name: "" };
    });
    if (state.regionKey === key && state.regions) {  // the same regions: restyle only
      state.regions.eachLayer(function (layer) {
        const r = state.byCode[layer.feature.properties.code];
        r.name = layer.feature.properties.name;
        layer.setStyle(regionStyle(r));
      });
      return;
    }
    if (state.regions) state.map.removeLayer(state.regions);
    // One tooltip and one set of handlers for the whole layer (Leaflet passes the region as e.layer), not one per
    // region: 7,285 districts are built about a third faster.
    state.regions = L.geoJSON(fc, {
      renderer: state.renderer, smoothFactor: 0.5,
      filter: function (f) { return state.byCode[f.properties.code] !== undefined; },
      style: function (f) { return regionStyle(state.byCode[f.properties.code]); },
      onEachFeature: function (f) { state.byCode[f.properties.code].name = f.properties.name; },
    });
    state.regions.bindTooltip(function (layer) { return regionTip(layer.feature.properties.code); },
      { sticky: true, direction: "top" });  // on a touch screen, a tap opens it too (Leaflet's click)
    state.regions.on("mouseover", function (e) { e.layer.setStyle({ weight: 2.5, color: "#222222" }); });
    state.regions.on("mouseout", function (e) {  // also fired for a hovered layer after its view was replaced
      const r = state.byCode[e.layer.feature.properties.code];
      if (r && state.regions && state.regions.hasLayer(e.layer)) e.layer.setStyle(regionStyle(r));
    });
    state.regions.on("click", function (e) {
      const code = e.layer.feature.properties.code;
      if (!state.args || !state.args.clickable) return;
      if (COARSE && state.armed !== code) {  // a touch screen has no hover: the first tap shows the tooltip only
        state.armed = code;
        return;
      }
      state.armed = null;
      setValue({ code: code, n: ++state.clicks });
    });
    state.regions.addTo(state.map);
    state.regionKey = key;
  }

  function replaceLayer(name, layer) {
    if (state.layers[name]) state.map.removeLayer(state.layers[name]);
    state.layers[name] = layer;
    if (layer) layer.addTo(state.map);
  }

  function drawExtras(a) {
    // names of the regions already captured in byCode: refresh them for the outline/labels
    let outline = null;
    if (a.outline && state.regions) {
      state.regions.eachLayer(function (layer) {
        if (layer.feature.properties.code === a.outline) {
          outline = L.geoJSON(layer.feature, {
            renderer: state.renderer, interactive: false,
            style: { fill: false, color: "#111111", weight: 4, opacity: 1 },
          });
        }
      });
    }
    const lines = (a.lines || []).length ? L.layerGroup((a.lines || []).map(function (l) {
      const line = L.polyline([[l[0], l[1]], [l[2], l[3]]], {
        renderer: state.renderer, color: l[5] || "#6a3d9a", opacity: 0.6, weight: l[4],
      });
      if (l[6] && l[6].length) line.bindTooltip(linesTip(l[6]), { sticky: true });
      return line;
    })) : null;
    const points = (a.points || []).length ? L.layerGroup((a.points || []).map(function (p) {
      const marker = L.circleMarker([p[0], p[1]], {
        renderer: state.renderer, radius: p[2], color: "#ffffff", weight: 1, fillColor: p[4] || "#b2182b",
        fillOpacity: 0.9,
      });
      if (p[3] && p[3].length) marker.bindTooltip(linesTip(p[3]), { direction: "top" });
      if (!p[5]) return marker;
      const number = L.marker([p[0], p[1]], {  // the planner's stops: their number in visiting order, on top
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "", html: el("div", "sinergi-stop", p[5]), iconSize: [0, 0] }),
      });
      return L.layerGroup([marker, number]);
    })) : null;
    replaceLayer("lines", lines);
    replaceLayer("points", points);
    replaceLayer("outline", outline);
    drawNames(a);
  }

  // ------------------------------------------------------------------ region names, laid out without overlap
  const NAME_GAP = 3;  // px kept free around each name, and between a name and the map's edge

  function namesPane() { return state.map.getPane("sinergiNames"); }

  // The view's names as elements of their pane, measured once per list and type size (their boxes do not change
  // while the user pans and zooms); laid out at once.
  function drawNames(a) {
    const names = a.names || [];
    const size = a.names_px || 13;
    const key = size + "|" + names.map(function (n) { return n[0] + "," + n[1] + "," + n[2]; }).join("|");
    if (key === state.namesKey) { layoutNames(); return; }
    const pane = namesPane();
    while (pane.firstChild) pane.removeChild(pane.firstChild);
    pane.style.setProperty("--name-size", size + "px");
    state.names = names.map(function (n) {
      const e = el("div", "sinergi-name", n[2]);
      e.style.visibility = "hidden";
      pane.appendChild(e);
      return { latlng: L.latLng(n[0], n[1]), el: e, w: 0, h: 0 };
    });
    state.names.forEach(function (n) { n.w = n.el.offsetWidth; n.h = n.el.offsetHeight; });  // one layout pass
    state.namesKey = key;
    layoutNames();
  }

  // Boxes [left, top, right, bottom] in the map container's pixels of what names must not cover: the controls.
  function controlBoxes() {
    const origin = state.map.getContainer().getBoundingClientRect();
    const boxes = [];
    document.querySelectorAll(".leaflet-control, .sinergi-status").forEach(function (c) {
      const r = c.getBoundingClientRect();
      if (r.width && r.height) boxes.push([r.left - origin.left, r.top - origin.top, r.right - origin.left,
                                           r.bottom - origin.top]);
    });
    return boxes;
  }

  function overlaps(a, b) {
    return a[0] < b[2] + NAME_GAP && b[0] < a[2] + NAME_GAP && a[1] < b[3] + NAME_GAP && b[1] < a[3] + NAME_GAP;
  }

  // Where a name may go, tried in this order: centred on its point, then above, below, right and left of it (the
  // point always on the box's edge or inside it); as offsets of the box's top-left corner from the point.
  function candidates(n) {
    return [[-n.w / 2, -n.h / 2], [-n.w / 2, -n.h], [-n.w / 2, 0], [NAME_GAP, -n.h / 2], [-n.w - NAME_GAP, -n.h / 2]];
  }

  // Greedy: in the payload's order (the biggest region first), each name at the first of its candidate places
  // that overlaps nothing placed before it (moved inside the map when it would cross the edge), else hidden.
  function layoutNames() {
    if (!state.map || !state.names.length) { if (state.map) namesPane().style.visibility = ""; return; }
    if (!state.names[0].w) {  // measured while the frame was hidden (no size then): measure again, in one pass
      state.names.forEach(function (n) { n.w = n.el.offsetWidth; n.h = n.el.offsetHeight; });
    }
    const size = state.map.getSize();
    const shift = state.map.containerPointToLayerPoint([0, 0]);  // the pane moves with the map while dragged
    const placed = controlBoxes();
    let shown = 0;
    state.names.forEach(function (n) {
      const p = state.map.latLngToContainerPoint(n.latlng);
      let show = p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y &&
        n.w + 2 * NAME_GAP <= size.x && n.h + 2 * NAME_GAP <= size.y;
      let box = null;
      if (show) {
        box = candidates(n).map(function (c) {
          const x = Math.min(Math.max(p.x + c[0], NAME_GAP), size.x - NAME_GAP - n.w);
          const y = Math.min(Math.max(p.y + c[1], NAME_GAP), size.y - NAME_GAP - n.h);
          return [x, y, x + n.w, y + n.h];
        }).find(function (b) { return !placed.some(function (other) { return overlaps(other, b); }); }) || null;
        show = box !== null;
      }
      if (show) {
        placed.push(box);
        L.DomUtil.setPosition(n.el, L.point(Math.round(box[0] + shift.x), Math.round(box[1] + shift.y)));
        shown += 1;
      }
      n.el.style.visibility = show ? "" : "hidden";
    });
    namesPane().style.visibility = "";
    document.body.dataset.names = String(shown);
  }

  // The legend: inside the map's bottom-left corner, or, in a phone's narrow frame (where it would cover most of
  // a low map), below the map in the same frame, which grows by its height.
  const NARROW_PX = 480;
  function narrow() { return (document.documentElement.clientWidth || window.innerWidth || 800) <= NARROW_PX; }

  function legendBox(lg, px) {  // px: the type size (presentation mode: the room type), else the legend's own
    const box = el("div", "sinergi-legend");
    const size = px || lg.size;
    if (size) box.style.setProperty("--legend-size", size + "px");
    if (lg.title) box.appendChild(el("div", "t", lg.title));
    lg.items.forEach(function (item) {
      const kind = item[2] || "";
      const row = el("div", "row" + (kind === "dot" || kind === "line" ? " layer" : ""));
      const sw = el("span", "sw" + (kind ? " " + kind : ""));
      if (kind === "line") sw.style.borderTopColor = item[0];
      else if (kind !== "hatch") sw.style.background = item[0];
      row.appendChild(sw);
      const words = el("span", "w", item[1]);
      if (item[3]) words.appendChild(el("span", "note", item[3]));  // "bigger: more visits", under the text
      row.appendChild(words);
      box.appendChild(row);
    });
    return box;  // clicks and hover pass through it (CSS pointer-events: none) to the regions below
  }

  function drawLegend(a) {
    if (state.legend) { state.map.removeControl(state.legend); state.legend = null; }
    const below = document.getElementById("legend-below");
    while (below.firstChild) below.removeChild(below.firstChild);
    const lg = a.legend;
    state.narrow = narrow();
    if (!lg || !(lg.items || []).length) return;
    if (state.narrow) { below.appendChild(legendBox(lg, null)); return; }
    const control = L.control({ position: "bottomleft" });  // the Indian Ocean: no land under it
    control.onAdd = function () { return legendBox(lg, legendPx(a)); };
    control.addTo(state.map);
    state.legend = control;
  }

  function drawTiles(a) {
    if ((a.tile_url || null) === state.tileUrl) return;
    if (state.tiles) state.map.removeLayer(state.tiles);
    state.tiles = a.tile_url ? L.tileLayer(a.tile_url, { attribution: "" }).addTo(state.map) : null;
    if (state.tiles) state.tiles.bringToBack();
    state.tileUrl = a.tile_url || null;
  }

  function status(text) {
    let box = document.querySelector(".sinergi-status");
    if (!text) { if (box) box.remove(); return; }
    if (!box) { box = el("div", "sinergi-status"); document.body.appendChild(box); }
    box.textContent = text;
  }

  let pending = 0;
  function mark(name) { try { performance.mark(name); } catch (e) { /* old browsers */ } }
  mark("sinergi-script");
  // ------------------------------------------------------------------ the frame's height
  // The page around this frame (same origin: Streamlit's component frames may read it), or null.
  function parentWindow() {
    try { return window.frameElement && window.parent.document ? window.parent : null; } catch (e) { return null; }
  }

  // Presentation mode ("fill"): from the frame's top, as the page stands scrolled to the top, down to the window's
  // bottom less `below` pixels; at least `min`. Null when the page cannot be read or the window is narrow (a phone
  // keeps the rule below: a tall narrow map would be mostly sea).
  function fillHeight(a) {
    const win = parentWindow();
    if (!a.fill || !win || win.innerWidth < 700) return null;
    let scrolled = win.scrollY || 0;
    for (let n = window.frameElement.parentElement; n; n = n.parentElement) scrolled += n.scrollTop || 0;
    const top = window.frameElement.getBoundingClientRect().top + scrolled;
    return Math.max(a.fill.min || 280, Math.floor(win.innerHeight - top - (a.fill.below || 0)));
  }

  // The frame's height: in presentation mode the window's (fillHeight); else the map's, lower in a narrow frame
  // (a phone: the country's shape is wide, the rest would be sea); plus, in a narrow frame, the legend below it.
  let sentHeight = null;
  function sizeFrame() {
    const a = state.args;
    if (!a) return;
    const wide = document.documentElement.clientWidth || window.innerWidth || 800;
    const below = document.getElementById("legend-below").offsetHeight;
    document.getElementById("map").style.bottom = below + "px";
    const height = (fillHeight(a) || Math.round(Math.min(a.height || 600, Math.max(280, wide * 0.8)))) + below;
    if (height !== sentHeight) {
      sentHeight = height;
      send("streamlit:setFrameHeight", { height: height });
    }
    if (state.map) state.map.invalidateSize(false);
  }

  // Presentation mode: the legend's type follows the page's root type size (the room type), `legend_em` of it.
  function legendPx(a) {
    const win = a.fill && a.fill.legend_em ? parentWindow() : null;
    if (!win) return a.legend && a.legend.size;
    const root = parseFloat(win.getComputedStyle(win.document.documentElement).fontSize);
    return root ? Math.round(root * a.fill.legend_em * 10) / 10 : a.legend.size;
  }

  let watching = false;
  function watchWindow() {  // the window resized, or the page above the frame settled: size the frame again
    const win = parentWindow();
    if (watching || !win) return;
    watching = true;
    win.addEventListener("resize", function () { sizeFrame(); if (state.args) drawLegend(state.args); });
  }

  function render(a) {
    mark("sinergi-render");
    state.args = a;
    sizeFrame();
    if (a.fill) {
      watchWindow();
      [250, 1000, 2500].forEach(function (ms) { setTimeout(sizeFrame, ms); });
    }
    ensureMap(a);
    drawTiles(a);
    drawLegend(a);
    sizeFrame(a);
    const mine = ++pending;
    const slow = setTimeout(function () { if (mine === pending) status(a.loading_text || "…"); }, 300);
    boundaries(a.boundaries, a.level).then(function (fc) {
      mark("sinergi-boundaries");
      if (mine !== pending) return;  // a newer view arrived meanwhile
      clearTimeout(slow);
      status(null);
      if (a.fit_key !== state.fitKey) {  // before the regions are added: they are projected once, at this view
        state.fitKey = a.fit_key;
        fit(a);
      }
      drawRegions(fc, a);
      drawExtras(a);
      mark("sinergi-drawn");
      document.body.dataset.view = a.view_id || "";
      document.body.dataset.drawn = String(state.regions ? state.regions.getLayers().length : 0);
    }, function () {
      clearTimeout(slow);
      status(a.error_text || "!");
    });
  }

  window.addEventListener("resize", function () {  // a new frame size: refit unless the user has moved the map
    if (!state.map) return;
    if (state.args && state.narrow !== narrow()) { drawLegend(state.args); sizeFrame(state.args); }
    if (!state.touched && state.args) fit(state.args); else state.map.invalidateSize();
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
