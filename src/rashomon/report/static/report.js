// rashomon report: everything below builds the page from the embedded JSON.
// Document text is untrusted: it only ever reaches the page through textContent and
// createElement, never through innerHTML, so markup in a document stays visible text.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const PAGE = 20;
  const COLORS = {
    killing: "#b2182b", assassination: "#d6604d", injury: "#f4a582", displacement: "#4393c3",
    detention: "#2166ac", destruction: "#8c510a", looting: "#bf812d", attack: "#762a83",
    occupation: "#9970ab", legal: "#5aae61", other: "#878787",
  };
  const SVGNS = "http://www.w3.org/2000/svg";
  const docs = new Map(DATA.docs.map((d) => [d.id, d]));
  const claims = new Map(DATA.claims.map((c) => [c.id, c]));
  const state = { lang: "", source: "", measure: "", type: "", q: "", page: 0, zoom: null, all: false };

  // ---- small DOM helpers ------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  const fmt = (n) => (n === null || n === undefined ? "?" : Number(n).toLocaleString("en-US"));
  const docName = (id) => (docs.get(id) ? docs.get(id).name : id.slice(0, 12));
  // Counts in words: "1 claim", "2 claims", "1 inconsistency", "3 inconsistencies".
  function plural(n, one, many) {
    const word = n === 1 ? one : many || (/[^aeiou]y$/.test(one) ? one.slice(0, -1) + "ies" : one + "s");
    return `${fmt(n)} ${word}`;
  }
  // How far apart figures are, in words, never a bare "ratio 400.0".
  function ratioWords(r) {
    const times = r >= 10 ? fmt(Math.round(r)) : String(Math.round(r * 10) / 10);
    return `the highest figure is ${times} times the lowest`;
  }
  // A source's own words inside an English sentence: quoted, and marked as written when they
  // are in another language ("gives “miles” (as written)").
  function quoted(c) {
    const d = docs.get(c.doc);
    const words = /\p{L}/u.test(c.value.text);  // "1 200" needs no note, "des milliers" does
    return `“${c.value.text}”` + (words && d && d.lang && d.lang !== "en" ? " (as written)" : "");
  }
  const TIME_SOURCES = { explicit: "stated in the sentence", sentence: "stated in the sentence", context: "from the surrounding text", document_date: "counted from the publication date" };
  function periodWords(t) {
    if (!t || !t.start) return "";
    const span = !t.end || t.end === t.start ? t.start : `${t.start} to ${t.end}`;
    return t.source ? `${span} (${TIME_SOURCES[t.source] || String(t.source).replace(/_/g, " ")})` : span;
  }
  const claimsPerDoc = new Map();
  for (const c of DATA.claims) if (!c.rejected) claimsPerDoc.set(c.doc, (claimsPerDoc.get(c.doc) || 0) + 1);

  function valueText(v) {
    if (!v) return "";
    const q = v.qualifier;
    if (q === "range") return `${fmt(v.low)}–${fmt(v.high)}`;
    if (q === "more_than" || q === "at_least") return `${q === "more_than" ? "more than" : "at least"} ${fmt(v.low)}`;
    if (q === "less_than" || q === "at_most") return `${q === "less_than" ? "less than" : "up to"} ${fmt(v.high)}`;
    if (q === "approx") return `about ${fmt(v.low)}`;
    if (q === "vague") return `${fmt(v.low)} or more (vague)`;
    return fmt(v.low);
  }
  function speakerText(c) {
    const a = c.attribution;
    return a && a.speaker ? a.speaker : null;
  }
  // A sentence that names its source: the tool never states a figure in its own voice.
  function figureSentence(c) {
    const who = docName(c.doc) + (speakerText(c) ? `, citing ${speakerText(c)}` : "");
    if (c.kind !== "figure") return `According to ${who}: ${c.event_type} (no figure).`;
    return `According to ${who}: ${c.measure} ${valueText(c.value)} (as written: “${c.value.text}”).`;
  }
  // The quote is the document's own text between the evidence offsets.
  function quoteText(c) {
    const ev = c.evidence || {}, d = docs.get(c.doc);
    return d && ev.start !== undefined ? d.text.slice(ev.start, ev.end) : "";
  }
  function quoteNode(c) {
    const ev = c.evidence || {};
    const quote = quoteText(c);
    const span = c.value || c.trigger || {};
    const lo = (span.start ?? ev.start) - ev.start;
    const hi = (span.end ?? ev.start) - ev.start;
    const node = el("div", { class: "quote" });
    if (lo >= 0 && hi <= quote.length && lo <= hi) {
      node.append(quote.slice(0, lo), el("mark", {}, quote.slice(lo, hi)), quote.slice(hi));
    } else node.append(quote);
    return node;
  }

  // ---- filters ------------------------------------------------------------------------
  function eventMatches(e) {
    const eclaims = e.claims.map((id) => claims.get(id)).filter(Boolean);
    if (state.lang && !e.docs.some((d) => docs.get(d) && docs.get(d).lang === state.lang)) return false;
    if (state.source && !e.docs.includes(state.source)) return false;
    if (state.measure && !eclaims.some((c) => c.measure === state.measure)) return false;
    if (state.type && e.event_type !== state.type) return false;
    if (state.q) {
      const q = state.q.toLowerCase();
      const hay = [e.label, ...(e.names || []).map((n) => n.name), ...e.docs.map(docName), ...eclaims.map(quoteText)]
        .join(" ").toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  }
  function fillSelect(id, values, label) {
    const select = document.getElementById(id);
    select.replaceChildren(el("option", { value: "" }, `all ${label}`));
    for (const [value, text] of values) select.append(el("option", { value }, text));
  }
  function setupFilters() {
    const langs = [...new Set(DATA.docs.map((d) => d.lang).filter(Boolean))].sort();
    fillSelect("f-lang", langs.map((l) => [l, l]), "languages");
    fillSelect("f-source", DATA.docs.map((d) => [d.id, d.name]).sort((a, b) => a[1].localeCompare(b[1])), "sources");
    const measures = [...new Set(DATA.claims.map((c) => c.measure).filter(Boolean))].sort();
    fillSelect("f-measure", measures.map((m) => [m, m]), "measures");
    const types = [...new Set(DATA.events.map((e) => e.event_type))].sort();
    fillSelect("f-type", types.map((t) => [t, t]), "event types");
    for (const [id, key] of [["f-lang", "lang"], ["f-source", "source"], ["f-measure", "measure"], ["f-type", "type"]]) {
      document.getElementById(id).addEventListener("change", (ev) => { state[key] = ev.target.value; state.page = 0; render(); });
    }
    document.getElementById("f-q").addEventListener("input", (ev) => { state.q = ev.target.value.trim(); state.page = 0; render(); });
  }

  // ---- overview ----------------------------------------------------------------------
  function counts() {
    const figures = DATA.claims.filter((c) => c.kind === "figure" && !c.rejected).length;
    const disputes = DATA.events.reduce((n, e) => n + e.disputes.length, 0);
    const inconsistencies = DATA.events.reduce((n, e) => n + e.consistency.length, 0);
    document.getElementById("counts").replaceChildren(
      el("span", {}, plural(DATA.docs.length, "document")), el("span", {}, plural(figures, "figure")),
      el("span", {}, plural(DATA.events.length, "event")), el("span", {}, plural(disputes, "dispute")),
      el("span", {}, plural(inconsistencies, "inconsistency")));
  }
  function legend() {
    const node = el("div", { class: "legend" });
    for (const [type, color] of Object.entries(COLORS)) {
      const i = el("i", {}); i.style.background = color;
      node.append(el("span", {}, i, type));
    }
    return node;
  }
  function days(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  // Timeline ticks in the unit the view needs: decades, years, months or days, ten or so.
  function timeTicks(a, b) {
    const date = (d) => new Date(d * 86400000);
    const span = b - a, ticks = [];
    if (span > 365 * 4) {
      const years = span / 365, step = [1, 2, 5, 10, 20, 50, 100].find((s) => years / s <= 10) || 200;
      for (let y = Math.ceil(date(a).getUTCFullYear() / step) * step; y <= date(b).getUTCFullYear(); y += step) ticks.push([days(`${y}-01-01`), String(y)]);
    } else if (span > 45) {
      const step = [1, 2, 3, 6, 12].find((s) => span / 30 / s <= 10) || 12;
      const start = date(a);
      for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1; ; m += 1) {
        if (m % step) continue;
        const d = Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000;
        if (d > b) break;
        ticks.push([d, m % 12 === 0 ? String(Math.floor(m / 12)) : `${MONTHS[m % 12]} ${Math.floor(m / 12)}`]);
      }
    } else {
      const step = [1, 2, 7, 14].find((s) => span / s <= 10) || 14;
      for (let d = Math.ceil(a); d <= b; d += 1) {
        const t = date(d);
        if ((d - Math.ceil(a)) % step === 0) ticks.push([d, `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`]);
      }
    }
    return ticks;
  }

  function timeline(events) {
    const dated = events.filter((e) => e.time && e.time.start);
    const wrap = el("div", { class: "panel" }, el("h2", {}, "Timeline"));
    if (!dated.length) { wrap.append(el("p", { class: "muted" }, "No dated events.")); return wrap; }
    let lo = Math.min(...dated.map((e) => days(e.time.start)));
    let hi = Math.max(...dated.map((e) => days(e.time.end || e.time.start)));
    if (hi - lo < 60) { lo -= 30; hi += 30; }
    const full = [lo, hi];
    const view = state.zoom || full;
    // Drawn about the size it is shown (half the page), so its labels are readable.
    // Many events: thinner rows, so the axis stays in view beside the map.
    const rows = Math.min(dated.length, 60), rowH = Math.max(5, Math.min(12, 300 / rows));
    const W = 560, H = Math.max(90, 34 + rows * rowH);
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events on a timeline", id: "timeline" });
    const x = (d) => 30 + ((d - view[0]) / (view[1] - view[0])) * (W - 60);
    for (const [day, text] of timeTicks(view[0], view[1])) {
      const xx = x(day);
      chart.append(svg("line", { x1: xx, x2: xx, y1: 0, y2: H - 16, stroke: "#e3e7eb" }));
      const t = svg("text", { x: xx, y: H - 4, "font-size": 11, fill: "#5d6b78", "text-anchor": "middle", class: "tick" });
      t.textContent = text;
      chart.append(t);
    }
    dated.slice(0, 60).forEach((e, i) => {
      const x1 = x(days(e.time.start)), x2 = Math.max(x1 + 3, x(days(e.time.end || e.time.start) + 1));
      const bar = svg("rect", { x: x1, y: 6 + i * rowH, width: x2 - x1, height: Math.max(3, rowH - 2), fill: COLORS[e.event_type] || "#878787", class: "tl-event", "data-event": e.id });
      const tip = svg("title", {}); tip.textContent = e.label; bar.append(tip);
      bar.addEventListener("click", () => go(`#event/${e.id}`));
      chart.append(bar);
    });
    chart.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [a, b] = view, f = ev.deltaY > 0 ? 1.25 : 0.8;
      const box = chart.getBoundingClientRect();
      const at = a + ((ev.clientX - box.left) / box.width) * (b - a);
      state.zoom = [at - (at - a) * f, at + (b - at) * f];
      render();
    }, { passive: false });
    const zoom = (f) => { const [a, b] = view, mid = (a + b) / 2; state.zoom = [mid - ((b - a) / 2) * f, mid + ((b - a) / 2) * f]; render(); };
    wrap.append(el("div", { class: "timeline-controls" },
      el("button", { onclick: () => zoom(0.5), id: "zoom-in" }, "zoom in"),
      el("button", { onclick: () => zoom(2) }, "zoom out"),
      el("button", { onclick: () => { state.zoom = null; render(); } }, "reset")), chart, legend());
    return wrap;
  }

  function map(events) {
    const wrap = el("div", { class: "panel" }, el("h2", {}, "Map"));
    const chart = svg("svg", { viewBox: DATA.basemap.viewBox, role: "img", "aria-label": "Events on a map", id: "map" });
    chart.append(svg("rect", { x: 0, y: 0, width: 720, height: 360, fill: "#eef3f7" }));
    for (const c of DATA.basemap.countries) {
      const p = svg("path", { d: c.d, fill: "#dfe5ea", stroke: "#aab4bd", "stroke-width": 0.3 });
      const t = svg("title", {}); t.textContent = c.name; p.append(t);
      chart.append(p);
    }
    for (const e of events) {
      const place = (e.places || []).find((p) => p.lat !== null && p.lat !== undefined);
      if (!place) continue;
      const dot = svg("circle", { cx: (place.lon + 180) * 2, cy: (90 - place.lat) * 2, r: 3.2, fill: COLORS[e.event_type] || "#878787", stroke: "#fff", "stroke-width": 0.6, class: "map-event" });
      const t = svg("title", {}); t.textContent = e.label; dot.append(t);
      dot.addEventListener("click", () => go(`#event/${e.id}`));
      chart.append(dot);
    }
    // Open on the events' region, not the whole world; the wheel zooms, "world" resets.
    const pts = [...chart.querySelectorAll("circle.map-event")].map((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]);
    let box = [0, 0, 720, 360];
    if (pts.length) {
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
      const w = Math.max(60, Math.max(...xs) - Math.min(...xs) + 40), h = Math.max(30, Math.max(...ys) - Math.min(...ys) + 40);
      const cw = Math.max(w, h * 2), ch = cw / 2;
      box = [(Math.min(...xs) + Math.max(...xs)) / 2 - cw / 2, (Math.min(...ys) + Math.max(...ys)) / 2 - ch / 2, cw, ch];
    }
    const apply = () => chart.setAttribute("viewBox", box.join(" "));
    apply();
    chart.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const f = ev.deltaY > 0 ? 1.25 : 0.8, [x0, y0, w0, h0] = box;
      box = [x0 + (w0 - w0 * f) / 2, y0 + (h0 - h0 * f) / 2, w0 * f, h0 * f];
      apply();
    }, { passive: false });
    wrap.append(el("div", { class: "timeline-controls" }, el("button", { onclick: () => { box = [0, 0, 720, 360]; apply(); } }, "world")),
      chart, mapNote(events, pts.length), el("p", { class: "note" }, DATA.basemap.attribution));
    return wrap;
  }
  // An empty (or partly empty) map says why: a place without coordinates in the gazetteer
  // (a fictional town, a street) cannot be drawn.
  function mapNote(events, placed) {
    const unplaced = events.filter((e) => !(e.places || []).some((p) => p.lat !== null && p.lat !== undefined));
    if (!unplaced.length) return null;
    const names = [...new Set(unplaced.flatMap((e) => (e.places || []).map((p) => p.name)))];
    const shown = names.slice(0, 6).join(", ") + (names.length > 6 ? ", ..." : "");
    const why = names.length
      ? `their places (${shown}) have no coordinates in the gazetteer: fictional, too small, or spelled in a way it does not know`
      : "they name no place";
    const what = placed ? `${plural(unplaced.length, "event")} not on the map` : (events.length ? "No event on the map" : "No events to place");
    return el("p", { class: "map-note", id: "map-note" }, events.length ? `${what}: ${why}.` : `${what}.`);
  }

  // Estimates list their figures as [claim id, counted, why not]; the claim holds the rest.
  function figuresOf(est) {
    return est.figures.map(([id, counted, why]) => ({ claim: claims.get(id), counted, why })).filter((f) => f.claim);
  }
  function groupWords(est) {
    const name = est.victims && est.victims.name;
    if (!name) return "no group named";
    return est.subgroup ? `${name} (counted apart by its source)` : name;
  }
  function estimateHead(est) {
    return `${est.measure}${est.unit ? ` (${est.unit})` : ""}, ${groupWords(est)}`;
  }
  // One line over the sources, in the sources' voice: "8 sources give 9,000 to 30,000".
  function estimateLine(est) {
    const n = est.n_sources || 0;
    if (!n) return `${estimateHead(est)}: figures for parts only, none for the whole`;
    const who = n === 1 ? "1 source gives" : `${plural(n, "source")} give`;
    let span;
    if (est.low !== null && est.high !== null) span = est.low === est.high ? fmt(est.low) : `${fmt(est.low)} to ${fmt(est.high)}`;
    else if (est.low !== null) span = `at least ${fmt(est.low)} (none gives an upper figure)`;
    else if (est.high !== null) span = `up to ${fmt(est.high)} (none gives a lower figure)`;
    else span = "no number";
    const median = n > 2 && est.best !== null ? `; median of one figure per source ${fmt(est.best)}` : "";
    return `${estimateHead(est)}: ${who} ${span}${median}`;
  }
  function whoText(c) {
    return docName(c.doc) + (speakerText(c) ? `, citing ${speakerText(c)}` : "");
  }
  // "X gives …; Y gives …": every counted figure with its source.
  function givesLine(est) {
    const per = new Map();
    for (const f of figuresOf(est).filter((x) => x.counted)) {
      const who = whoText(f.claim);
      if (!per.has(who)) per.set(who, []);
      per.get(who).push(`${quoted(f.claim)} (${valueText(f.claim.value)})`);
    }
    return [...per].map(([who, words]) => `${who} gives ${words.join(" and ")}`).join("; ");
  }
  function leftOut(est) {
    return figuresOf(est).filter((x) => !x.counted)
      .map((f) => `${whoText(f.claim)}: “${f.claim.value.text}” (${f.why || "not counted"})`);
  }
  function byMeasure(estimates) {
    const out = new Map();
    for (const est of estimates) {
      if (!out.has(est.measure)) out.set(est.measure, []);
      out.get(est.measure).push(est);
    }
    return out;
  }
  function namesText(e) {
    return (e.names || []).map((n) => `“${n.name}” (${plural(n.docs.length, "document")})`).join("; ");
  }
  // A minor mention: one source and no figure (a caption, a passing reference).
  const isMinor = (e) => e.docs.length < 2 && !e.estimates.length;

  function eventList(events) {
    const wrap = el("div", { class: "panel", id: "event-list" }, el("h2", {}, `Events (${events.length})`));
    const pages = Math.max(1, Math.ceil(events.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    for (const e of events.slice(state.page * PAGE, (state.page + 1) * PAGE)) {
      const card = el("div", { class: "event-card", "data-event": e.id, onclick: () => go(`#event/${e.id}`) },
        el("strong", {}, e.label),
        el("div", { class: "meta" }, [plural(e.docs.length, "document"), plural(e.claims.length, "claim"), plural(e.disputes.length, "dispute"), plural(e.consistency.length, "inconsistency")].join(", ")));
      card.style.borderLeftColor = COLORS[e.event_type] || "#878787";
      if ((e.names || []).length > 1) card.append(el("div", { class: "meta" }, `Also called: ${namesText(e)}`));
      for (const est of e.estimates) card.append(el("div", { class: "meta" }, estimateLine(est)));
      wrap.append(card);
    }
    if (pages > 1) {
      wrap.append(el("div", { class: "pager" },
        el("button", { onclick: () => { state.page = Math.max(0, state.page - 1); render(); } }, "previous"),
        `page ${state.page + 1} of ${pages}`,
        el("button", { onclick: () => { state.page = Math.min(pages - 1, state.page + 1); render(); } }, "next")));
    }
    return wrap;
  }

  function docTable() {
    const wrap = el("div", { class: "panel" }, el("h2", {}, `Documents (${DATA.docs.length})`));
    const table = el("table", { class: "docs" }, el("tr", {}, el("th", {}, "source"), el("th", {}, "date"), el("th", {}, "language"), el("th", {}, "file"), el("th", {}, "analysis")));
    const shown = DATA.docs.filter((d) => (!state.lang || d.lang === state.lang) && (!state.source || d.id === state.source));
    for (const d of shown.slice(0, 200)) {
      table.append(el("tr", { onclick: () => go(`#doc/${d.id}`), "data-doc": d.id },
        el("td", {}, d.name), el("td", {}, d.date || "unknown"), el("td", {}, d.lang || "?"), el("td", {}, d.path),
        el("td", { class: d.note ? "not-analysed" : "muted" }, d.note || `${plural(claimsPerDoc.get(d.id) || 0, "claim")}`)));
    }
    wrap.append(table);
    if (shown.length > 200) wrap.append(el("p", { class: "muted" }, `${shown.length - 200} more: use the filters.`));
    return wrap;
  }

  // Events with figures or several sources first, the most sources first: where accounts meet
  // is what a reader compares.
  const byWeight = (a, b) => isMinor(a) - isMinor(b) || b.docs.length - a.docs.length || b.claims.length - a.claims.length ||
    ((a.time || {}).start || "9999").localeCompare((b.time || {}).start || "9999");

  function overview() {
    const matching = DATA.events.filter(eventMatches).sort(byWeight);
    const minor = matching.filter(isMinor);
    const events = state.all ? matching : matching.filter((e) => !isMinor(e));
    const fold = minor.length ? el("p", { class: "muted", id: "folded" },
      `${plural(minor.length, "minor mention")} (one source, no figure) ${state.all ? "listed last" : "folded away"}. `,
      el("button", { id: "toggle-minor", onclick: () => { state.all = !state.all; state.page = 0; render(); } }, state.all ? "fold them" : "show them")) : null;
    return [el("div", { class: "overview" }, timeline(events), map(events)), fold, eventList(events), docTable()];
  }

  // ---- one event -----------------------------------------------------------------------
  // Ticks of a log axis: powers of ten, and 2, 3, 5 times them when the figures span less
  // than a decade or two, so a chart of 300 to 1,200 has more than one tick.
  function logTicks(lo, hi) {
    const span = hi - lo;
    const steps = span < 1.3 ? [1, 2, 3, 5] : span < 2.6 ? [1, 2, 5] : [1];
    const ticks = [];
    for (let p = Math.floor(lo); p <= Math.ceil(hi); p++) {
      for (const m of steps) {
        const v = m * 10 ** p;
        if (Math.log10(v) >= lo && Math.log10(v) <= hi && v >= 1) ticks.push(v);
      }
    }
    return ticks;
  }
  // A source's name on two lines at most, cut at a word; the whole name is in the tooltip.
  function wrapName(name, width) {
    const lines = [""];
    for (const word of name.split(/\s+/)) {
      const line = lines[lines.length - 1];
      if (!line || (line + " " + word).length <= width) lines[lines.length - 1] = line ? `${line} ${word}` : word;
      else lines.push(word);
    }
    if (lines.length > 2) {
      lines.length = 2;
      lines[1] = lines[1].length + 2 <= width ? `${lines[1]} …` : `${lines[1].slice(0, width - 1)}…`;
    }
    return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  }
  const CHAR = 5.9; // width of a 10-px character, a little generous, so nothing is clipped

  function chart(est) {
    const measure = est.label || est.measure;
    const figs = figuresOf(est).map(({ claim }) => ({ claim, doc: claim.doc, low: claim.value.low, high: claim.value.high, speaker: speakerText(claim) }))
      .filter((f) => f.low !== null || f.high !== null);
    const values = figs.flatMap((f) => [f.low, f.high]).filter((v) => v !== null && v > 0);
    const box = el("div", { class: "chart" });
    if (!values.length) return box;
    const NAME = 26;
    const names = figs.map((f) => wrapName(docName(f.doc) + (f.speaker ? " *" : ""), NAME));
    const labels = figs.map((f) => valueText(f.claim.value));
    const W = 680, left = Math.ceil(Math.max(...names.flat().map((l) => l.length)) * CHAR) + 14;
    const right = Math.ceil(Math.max(...labels.map((l) => l.length)) * CHAR) + 24;
    const rowH = names.some((n) => n.length > 1) ? 28 : 20, top = 10, H = top + figs.length * rowH + 22;
    // At least a factor of five across, so one figure alone still sits between two ticks.
    let lo = Math.log10(Math.min(...values)) - 0.15, hi = Math.log10(Math.max(...values)) + 0.15;
    if (hi - lo < 0.7) { const mid = (lo + hi) / 2; lo = mid - 0.35; hi = mid + 0.35; }
    const x = (v) => left + ((Math.log10(v) - lo) / Math.max(0.01, hi - lo)) * (W - left - right);
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "figure-chart", "aria-label": `${measure}: each source's figure on a log scale` });
    for (const v of logTicks(lo, hi)) {
      s.append(svg("line", { x1: x(v), x2: x(v), y1: 0, y2: H - 16, stroke: "#e3e7eb" }));
      const t = svg("text", { x: x(v), y: H - 4, "font-size": 9, fill: "#5d6b78", "text-anchor": "middle", class: "tick" });
      t.textContent = fmt(v);
      s.append(t);
    }
    figs.forEach((f, i) => {
      const y = top + i * rowH + rowH / 2;
      // x 2, not 0: some glyphs ("J") reach left of their origin.
      const label = svg("text", { x: 2, y: y - (names[i].length - 1) * 6 + 3, "font-size": 10, fill: "#1d232a", class: "source-label" });
      names[i].forEach((line, k) => {
        const span = svg("tspan", { x: 2, dy: k ? 12 : 0 });
        span.textContent = line;
        label.append(span);
      });
      const tip = svg("title", {});
      tip.textContent = docName(f.doc) + (f.speaker ? `, citing ${f.speaker}` : "");
      label.append(tip);
      s.append(label);
      const a = f.low ?? f.high, b = f.high ?? f.low;
      const x1 = x(a), x2 = Math.max(x(b), x1 + 1);
      const row = svg("g", { class: "chart-row" });
      const bar = svg("line", { x1, x2, y1: y, y2: y, stroke: "#b2182b", "stroke-width": 4, "stroke-linecap": "round" });
      const barTip = svg("title", {});
      barTip.textContent = `${tip.textContent}: ${valueText(f.claim.value)} (as written: “${f.claim.value.text}”)`;
      bar.append(barTip);
      row.append(bar);
      let end = x2 + 4;
      if (f.high === null) { row.append(svg("path", { d: `M${x2 + 4} ${y - 4} L${x2 + 12} ${y} L${x2 + 4} ${y + 4}`, fill: "#b2182b" })); end = x2 + 14; }
      if (f.low === null) row.append(svg("path", { d: `M${x1 - 4} ${y - 4} L${x1 - 12} ${y} L${x1 - 4} ${y + 4}`, fill: "#b2182b" }));
      const value = svg("text", { x: end + 4, y: y + 3.5, "font-size": 10, fill: "#1d232a", class: "value-label" });
      value.textContent = labels[i];
      row.append(value);
      s.append(row);
    });
    box.append(s, el("p", { class: "note" }, "Log scale. A bar is a range; an arrow an open end (more than / up to). * figure the document attributes to a cited speaker; hover a name or a bar for the whole of it."));
    return box;
  }

  function disputeText(d) {
    if (d.kind === "figure") {
      const group = d.victims && d.victims.name;
      const what = group ? `${d.measure} (${group})` : d.measure;
      return `Sources differ on ${what} (${ratioWords(d.ratio)}): ` + d.values.map((id) => claims.get(id)).filter(Boolean).map((c) =>
        `${whoText(c)} gives ${quoted(c)}`).join("; ") + ".";
    }
    if (d.kind === "rejection") {
      const rejecter = d.by || docName(d.doc);
      return d.claimant ? `${rejecter} rejects ${d.claimant}'s figure of “${d.text}” ${d.measure}.` : `${rejecter} rejects a figure of “${d.text}” ${d.measure} that it attributes to no one.`;
    }
    if (d.kind === "revision") {
      const reviser = d.speaker || docName(d.doc);
      return d.to ? `${reviser} revised its figure of ${d.measure} from “${d.from}” to “${d.to}”.` : `${reviser} revised its figure of ${d.measure} of “${d.from}”.`;
    }
    if (d.kind === "perpetrators") {
      return "Sources name different perpetrators: " + Object.entries(d.detail).map(([doc, names]) => `${docName(doc)} names ${names.join(", ")}`).join("; ") + ".";
    }
    return `Sources give incompatible dates: ${d.detail}.`;
  }

  function eventView(id) {
    const e = DATA.events.find((x) => x.id === id);
    if (!e) return [el("p", {}, "No such event.")];
    const out = [el("h2", {}, e.label), el("p", { class: "muted" }, `${plural(e.docs.length, "document")}, ${plural(e.claims.length, "claim")}. Places: ${(e.places || []).map((p) => p.name).join(", ") || "none named"}.`)];
    if (e.reviewed) out.push(el("p", { class: "reviewed", id: "event-reviewed" }, e.reviewed));
    if ((e.names || []).length) out.push(el("p", { class: "muted", id: "event-names" }, `Names the sources give it: ${namesText(e)}.`));
    const est = el("div", { class: "panel", id: "estimates" }, el("h2", {}, "Figures by measure and victim group"));
    // The groups of one measure side by side: each victim group's toll is its own quantity.
    for (const [measure, groups] of byMeasure(e.estimates)) {
      const row = el("div", { class: "sources estimate-groups", "data-measure": measure });
      for (const x of groups) {
        const gives = givesLine(x), out = leftOut(x);
        row.append(el("div", { class: "source estimate" },
          el("p", { class: "statement" }, estimateLine(x)),
          gives ? el("p", { class: "muted" }, gives + ".") : null,
          chart(x),
          out.length ? el("p", { class: "muted" }, `Not counted in it: ${out.join("; ")}.`) : null));
      }
      est.append(row);
    }
    out.push(est);
    const cols = el("div", { class: "sources", id: "sources" });
    for (const docId of e.docs) {
      const d = docs.get(docId) || { name: docId };
      const col = el("div", { class: "source", "data-doc": docId },
        el("h3", {}, d.name), el("div", { class: "meta" }, [d.date || "date unknown", d.lang || "?", d.path].join(" · ")));
      for (const cid of e.claims) {
        const c = claims.get(cid);
        if (!c || c.doc !== docId) continue;
        const item = el("div", { class: "figure", "data-claim": c.id, onclick: () => showClaim(c) },
          el("div", { class: "value" }, c.kind === "figure" ? `${c.measure}: ${c.value.text}` : `${c.event_type} (event)`),
          el("div", { class: "muted" }, c.kind === "figure" ? `${valueText(c.value)}${speakerText(c) ? ` · cited: ${speakerText(c)}` : ""}` : ""),
          c.reviewed ? el("div", { class: "reviewed" }, c.reviewed) : null,
          quoteNode(c));
        col.append(item);
      }
      cols.append(col);
    }
    out.push(el("h2", {}, "Sources side by side"), cols);
    if (e.disputes.length || e.consistency.length) {
      const box = el("div", { class: "panel", id: "disputes" }, el("h2", {}, "Disagreements and inconsistencies"));
      for (const d of e.disputes) box.append(el("p", { class: "statement" }, disputeText(d)));
      for (const c of e.consistency) box.append(el("p", { class: "statement" }, `Inside ${docName(c.doc)}: ${c.detail}.`));
      out.push(box);
    }
    return out;
  }

  // ---- one document --------------------------------------------------------------------
  function docView(id) {
    // Links may carry a full sha256 id; the report keys documents by a short prefix of it.
    const d = docs.get(id) || [...docs.values()].find((x) => id.startsWith(x.id));
    if (d) id = d.id;
    if (!d) return [el("p", {}, "No such document.")];
    const own = DATA.claims.filter((c) => c.doc === id && (c.value || c.trigger))
      .sort((a, b) => (a.value || a.trigger).start - (b.value || b.trigger).start);
    const text = el("div", { class: "doc-text", id: "doc-text" });
    let pos = 0;
    for (const c of own) {
      const span = c.value || c.trigger;
      if (span.start < pos) continue;
      text.append(d.text.slice(pos, span.start));
      text.append(el("mark", { class: c.rejected ? "claim-span rejected" : "claim-span", "data-claim": c.id, title: figureSentence(c), onclick: () => showClaim(c) }, d.text.slice(span.start, span.end)));
      pos = span.end;
    }
    text.append(d.text.slice(pos));
    return [el("h2", {}, d.name), el("p", { class: "muted" }, [d.date || "date unknown", d.lang || "?", d.path, d.url || ""].filter(Boolean).join(" · ")),
      d.note ? el("p", { class: "not-analysed", id: "doc-note" }, d.note) : null, text].filter(Boolean);
  }

  // ---- claim detail ----------------------------------------------------------------------
  function showClaim(c) {
    const box = document.getElementById("detail");
    const event = DATA.events.find((e) => e.claims.includes(c.id));
    const rows = [
      el("button", { class: "close", title: "close", onclick: () => { box.hidden = true; } }, "×"),
      el("p", { class: "statement" }, figureSentence(c)),
      c.reviewed ? el("p", { class: "reviewed" }, c.reviewed) : null,
      quoteNode(c),
      c.time && c.time.start ? el("p", { class: "muted" }, `Period: ${periodWords(c.time)}`) : null,
      (c.places || []).length ? el("p", { class: "muted" }, `Places: ${c.places.map((p) => p.name).join(", ")}`) : null,
      (c.victims || []).length ? el("p", { class: "muted" }, `Victims as named: ${c.victims.map((p) => p.text).join(", ")}`) : null,
      (c.perpetrators || []).length ? el("p", { class: "muted" }, `Perpetrators as named: ${c.perpetrators.map((p) => p.text).join(", ")}`) : null,
      (c.framing || []).length ? el("p", { class: "muted" }, `Loaded terms in this sentence: ${c.framing.join(", ")}` +
        ((c.framing_own_voice || []).length ? ` (used in the document's own voice: ${c.framing_own_voice.join(", ")})` : "")) : null,
      el("p", {}, el("a", { href: `#doc/${c.doc}` }, "read in the document"), event ? " · " : null, event ? el("a", { href: `#event/${event.id}` }, "see the event") : null),
    ];
    box.replaceChildren(...rows.filter(Boolean));
    box.hidden = false;
  }

  // ---- routing -------------------------------------------------------------------------
  function go(hash) { if (location.hash === hash) render(); else location.hash = hash; }
  function render() {
    const main = document.getElementById("main");
    const hash = location.hash || "#";
    let nodes;
    if (hash.startsWith("#event/")) nodes = eventView(decodeURIComponent(hash.slice(7)));
    else if (hash.startsWith("#doc/")) nodes = docView(decodeURIComponent(hash.slice(5)));
    else nodes = overview();
    main.replaceChildren(...nodes);
    // A claim's detail belongs to the view it was opened from.
    document.getElementById("detail").hidden = true;
  }
  document.getElementById("home-link").addEventListener("click", (ev) => { ev.preventDefault(); go("#"); });
  window.addEventListener("hashchange", render);
  document.getElementById("footer").textContent = `Generated by rashomon ${DATA.version} on ${DATA.generated}. ${DATA.basemap.attribution}`;
  setupFilters();
  counts();
  render();
})();
