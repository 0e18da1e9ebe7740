// vollzug: process diagrams drawn by the bpmn-js navigated viewer, coloured against the reference SOLL, with a
// details panel, and a search across all towns. No network access, no external code; every text from the models is
// set with textContent (never parsed as HTML). Diagram data comes from diagrams/*.js beside the page (loaded when a
// diagram scrolls into view) or from inline JSON script blocks of class vz-diagram.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vz-data").textContent);
  var T = data.texts;
  window.vzDiagrams = window.vzDiagrams || {};
  var pending = {};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function load(key, done) {
    if (window.vzDiagrams[key]) { done(window.vzDiagrams[key]); return; }
    var inline = document.querySelector('script.vz-diagram[data-key="' + key + '"]');
    if (inline) { window.vzDiagrams[key] = JSON.parse(inline.textContent); done(window.vzDiagrams[key]); return; }
    if (pending[key]) { pending[key].push(done); return; }
    pending[key] = [done];
    var script = document.createElement("script");
    script.src = data.folder + key + ".js";
    script.onload = function () {
      var waiting = pending[key] || [];
      delete pending[key];
      waiting.forEach(function (cb) { cb(window.vzDiagrams[key] || null); });
    };
    script.onerror = function () {
      var waiting = pending[key] || [];
      delete pending[key];
      waiting.forEach(function (cb) { cb(null); });
    };
    document.head.appendChild(script);
  }

  function extension(bo, type) {
    var values = (bo && bo.extensionElements && bo.extensionElements.values) || [];
    for (var i = 0; i < values.length; i++) { if (values[i].$type === type) { return values[i]; } }
    return null;
  }

  function number(value) {
    return Number(value).toLocaleString(data.locale, { maximumFractionDigits: 2 });
  }

  function unitName(registry, id) {
    var shape = registry.get(id);
    return shape && shape.businessObject && shape.businessObject.name ? shape.businessObject.name : id;
  }

  function laneOf(registry, bo) {
    var found = null;
    registry.forEach(function (shape) {
      var lane = shape.businessObject;
      if (lane && lane.$type === "bpmn:Lane" && (lane.flowNodeRef || []).indexOf(bo) >= 0) { found = lane; }
    });
    return found;
  }

  function row(dl, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) { return; }
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (Array.isArray(value)) {
      value.forEach(function (v) { dd.appendChild(el("div", null, v)); });
    } else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }

  function details(panel, viewer, element, notes, view) {
    var registry = viewer.get("elementRegistry");
    var bo = element.businessObject;
    panel.textContent = "";
    panel.appendChild(el("h5", null, bo.name || bo.id));
    var dl = el("dl");
    var step = extension(bo, "vz:Step");
    var lane = laneOf(registry, bo);
    var raci = (step && step.raci) || [];
    var accountable = raci.filter(function (r) { return r.letter === "A"; })[0];
    var responsible = raci.filter(function (r) { return r.letter === "R"; })[0];
    var who = accountable || responsible;
    row(dl, T.type, bo.$type.replace("bpmn:", ""));
    row(dl, T.responsible, who ? unitName(registry, who.party) : (lane ? lane.name : ""));
    row(dl, T.raci, raci.map(function (r) { return r.letter + " – " + unitName(registry, r.party); }));
    var obligations = ((step && step.obligation) || []).map(function (o) {
      var info = data.obligations[o.ref];
      return info ? o.ref + " · " + info.title : o.ref;
    });
    row(dl, T.obligations, obligations);
    var citations = (step && step.citation) || [];
    row(dl, T.norm, citations);
    citations.forEach(function (c) { if (data.norms[c]) { row(dl, c, data.norms[c]); } });
    row(dl, T.resources, ((step && step.resource) || []).map(function (r) {
      var bits = [T.kinds[r.kind] || r.kind];
      if (r.name) { bits.push(r.name); }
      if (r.fte) { bits.push(number(r.fte) + " " + T.fte); }
      if (r.eur) { bits.push(number(r.eur) + " EUR"); }
      if (r.unit) { bits.push(unitName(registry, r.unit)); }
      return bits.join(" · ");
    }));
    row(dl, T.deadlines, ((step && step.deadline) || []).map(function (d) {
      return [T.kinds[d.kind] || d.kind, d.date, d.duration, d.term, d.citation].filter(Boolean).join(" · ");
    }));
    if (step && step.notification) {
      var n = step.notification;
      row(dl, T.notification, [n.channel].concat((n.recipient || []).map(function (r) {
        return unitName(registry, r.ref);
      })).join(" · "));
    }
    var stake = extension(bo, "vz:Stakeholder");
    if (stake) { row(dl, T.stakeholder, [T.kinds[stake.kind] || stake.kind, stake.involvement].join(" · ")); }
    var note = notes[element.id];
    if (note) {
      row(dl, view === "soll" ? T.against_town : T.against_soll, [T.states[note.state]].concat(note.notes || []));
    }
    panel.appendChild(dl);
  }

  function colour(viewer, notes) {
    var canvas = viewer.get("canvas");
    var overlays = viewer.get("overlays");
    var registry = viewer.get("elementRegistry");
    Object.keys(notes).forEach(function (id) {
      if (!registry.get(id)) { return; }
      var state = notes[id].state;
      canvas.addMarker(id, "vz-" + state);
      var badge = el("span", "vz-badge vz-badge-" + state, T.badges[state]);
      badge.title = T.states[state];
      overlays.add(id, { position: { top: -10, right: 8 }, html: badge });
    });
  }

  // the municipality's own pool (the largest one) across the full width, top-aligned; the rest by panning
  function fitMain(viewer) {
    var canvas = viewer.get("canvas");
    var best = null;
    viewer.get("elementRegistry").forEach(function (shape) {
      if (shape.type === "bpmn:Participant" && (!best || shape.width * shape.height > best.width * best.height)) {
        best = shape;
      }
    });
    if (!best) { canvas.zoom("fit-viewport"); return; }
    var size = canvas.getSize();
    var width = best.width + 40;
    canvas.viewbox({ x: best.x - 20, y: best.y - 20, width: width, height: width * size.height / size.width });
  }

  function zoom(block, how) {
    var viewer = block.vzViewer;
    if (!viewer) { return; }
    var canvas = viewer.get("canvas");
    if (how === "fit") { fitMain(viewer); return; }
    canvas.zoom(canvas.zoom() * (how === "in" ? 1.25 : 0.8));
  }

  function show(block, view) {
    var town = block.getAttribute("data-town");
    var canvas = block.querySelector(".vz-canvas");
    var panel = block.querySelector(".vz-details");
    var status = block.querySelector(".vz-status");
    block.querySelectorAll("button[data-view]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === view ? "true" : "false");
    });
    status.textContent = T.loading;
    load(town, function (townData) {
      if (!townData) { status.textContent = T.unavailable; return; }
      var key = view === "soll" ? townData.reference : town;
      load(key, function (diagram) {
        if (!diagram) { status.textContent = T.unavailable; return; }
        if (block.vzViewer) { block.vzViewer.destroy(); }
        canvas.textContent = "";
        var viewer = new BpmnJS({ container: canvas, moddleExtensions: { vollzug: data.moddle } });
        block.vzViewer = viewer;
        var notes = view === "soll" ? townData.soll : townData.ist;
        viewer.importXML(diagram.xml).then(function (result) {
          fitMain(viewer);
          colour(viewer, notes);
          status.textContent = result.warnings.length ? T.warnings + ": " + result.warnings.length : "";
          block.setAttribute("data-ready", view);
        }).catch(function (err) {
          status.textContent = T.unavailable + " (" + String(err && err.message ? err.message : err) + ")";
        });
        viewer.get("eventBus").on("element.click", function (event) {
          if (event.element && event.element.businessObject && event.element.type !== "label") {
            details(panel, viewer, event.element, notes, view);
          }
        });
      });
    });
  }

  var blocks = document.querySelectorAll(".vz-bpmn");
  blocks.forEach(function (block) {
    block.querySelectorAll("button[data-view]").forEach(function (b) {
      b.addEventListener("click", function () { show(block, b.getAttribute("data-view")); });
    });
    block.querySelectorAll("button[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () { zoom(block, b.getAttribute("data-zoom")); });
    });
  });
  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && !entry.target.vzViewer) {
          seen.unobserve(entry.target);
          show(entry.target, entry.target.getAttribute("data-view") || "ist");
        }
      });
    }, { rootMargin: "200px" });
    blocks.forEach(function (block) { seen.observe(block); });
  } else {
    blocks.forEach(function (block) { show(block, "ist"); });
  }

  // search across towns: every table row of every town section, "§7" and "§ 7" alike
  var box = document.getElementById("vz-search");
  var out = document.getElementById("vz-search-results");
  function norm(text) {
    return text.toLowerCase().replace(/§\s*/g, "§ ").replace(/\s+/g, " ").trim();
  }
  var index = null;
  function build() {
    index = [];
    document.querySelectorAll("section.town").forEach(function (section) {
      var name = section.getAttribute("data-name") || section.id;
      section.querySelectorAll("tbody tr").forEach(function (tr) {
        var table = tr.closest("table");
        var head = table;
        while (head && head.parentNode !== section) { head = head.parentNode; }
        while (head && head.tagName !== "H4") { head = head.previousElementSibling; }
        var text = Array.prototype.map.call(tr.cells, function (c) { return c.textContent.replace(/\s+/g, " ").trim(); })
          .filter(Boolean).join(" · ");
        index.push({ town: name, id: section.id, what: head ? head.textContent : "", text: text, key: norm(text) });
      });
    });
  }
  var loading = false;
  function fromFile(done) {  // split reports: the rows of all town pages, from search-index.js
    if (index !== null) { done(); return; }
    if (loading) { return; }
    loading = true;
    var script = document.createElement("script");
    script.src = data.search;
    script.onload = function () {
      index = [];
      (window.vzSearchIndex || []).forEach(function (town) {
        town.rows.forEach(function (r) {
          index.push({ town: town.town, href: town.href, what: r[0], text: r[1], key: norm(r[1]) });
        });
      });
      done();
    };
    document.head.appendChild(script);
  }
  function answer(q) {
    out.textContent = "";
    var hits = index.filter(function (e) { return e.key.indexOf(q) >= 0; });
    var towns = {};
    hits.forEach(function (h) { towns[h.town] = true; });
    out.appendChild(el("p", "muted", T.hits.replace("{n}", hits.length).replace("{t}", Object.keys(towns).length)));
    var list = el("ul");
    hits.slice(0, 300).forEach(function (h) {
      var li = el("li");
      var a = el("a", null, h.town);
      a.href = h.href || ("#" + h.id);
      li.appendChild(a);
      li.appendChild(el("span", "muted", " · " + h.what + " · "));
      li.appendChild(el("span", null, h.text.length > 220 ? h.text.slice(0, 219) + "…" : h.text));
      list.appendChild(li);
    });
    out.appendChild(list);
  }
  if (box && out) {
    box.addEventListener("input", function () {
      var q = norm(box.value);
      if (q.length < 2) { out.textContent = ""; return; }
      if (data.search) { fromFile(function () { answer(norm(box.value)); }); return; }
      if (index === null) { build(); }
      answer(q);
    });
  }
}());
