// Drive a rashomon HTML report in headless Chromium and print what was observed as JSON.
//
//   node check_report.mjs REPORT.html SPEC.json
//
// SPEC: {"events": [ids that must be listed as separate cards], "screenshot": "out.png",
//        "overview_screenshot": "out.png", "hostile": false}
// The Python tests decide pass/fail from the JSON; this script only observes.  Chromium is
// Debian's (/usr/bin/chromium), started with the flags that keep it off the network.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [reportPath, specPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = { requests: [], consoleErrors: [], pageErrors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("about:")) out.requests.push(url);
  });
  page.on("console", (m) => { if (m.type() === "error") out.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => out.pageErrors.push(String(e)));
  const url = pathToFileURL(reportPath).href;
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#event-list");
  out.loadMs = Date.now() - t0;
  if (spec.overview_screenshot) await page.screenshot({ path: spec.overview_screenshot });
  // Minor mentions (one source, no figure) are folded away at first: the note says how many;
  // showing them lists every event.
  out.folded = await page.$eval("#folded", (n) => n.textContent).catch(() => null);
  if (await page.$("#toggle-minor")) await page.click("#toggle-minor");
  // The event list is paged: its header holds the count, the pages hold the cards.
  const listed = async () => {
    const header = await page.$eval("#event-list h2", (h) => h.textContent);
    const count = Number((header.match(/\((\d+)\)/) || [0, 0])[1]);
    const ids = await page.$$eval(".event-card", (cs) => cs.map((c) => c.dataset.event));
    return { count, ids };
  };
  const first = await listed();
  out.cards = [...first.ids];
  for (;;) {
    const next = await page.$(".pager button:last-child");
    const label = next ? await page.$eval(".pager", (p) => p.textContent) : "";
    const m = label.match(/page (\d+) of (\d+)/);
    if (!next || !m || m[1] === m[2]) break;
    await next.click();
    out.cards.push(...(await page.$$eval(".event-card", (cs) => cs.map((c) => c.dataset.event))));
  }
  if (out.cards.length > first.ids.length) {
    // Any filter input goes back to the first page.
    await page.fill("#f-q", " ");
    await page.fill("#f-q", "");
  }
  out.pageSize = first.ids.length;
  out.mapNote = await page.$eval("#map-note", (n) => n.textContent).catch(() => null);
  out.listed = {};
  for (const id of spec.events || []) out.listed[id] = out.cards.includes(id);
  out.mapMarkers = await page.$$eval("circle.map-event", (cs) => cs.length);
  out.timelineBars = await page.$$eval("rect.tl-event", (cs) => cs.length);
  out.countries = await page.$$eval("#map path", (ps) => ps.length);
  out.timelineTicks = await page.$$eval("#timeline text.tick", (ts) => ts.map((t) => t.textContent));
  out.timelineOutside = await page.$eval("#timeline", (c) => {
    const [, , w, h] = c.getAttribute("viewBox").split(" ").map(Number);
    return [...c.querySelectorAll("text")].filter((t) => {
      const b = t.getBBox();
      return b.x < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5;
    }).map((t) => t.textContent);
  }).catch(() => null);
  out.docRows = await page.$$eval("table.docs tr[data-doc]", (rows) => Object.fromEntries(rows.map((r) => [r.dataset.doc, [...r.cells].map((c) => c.textContent)])));

  // Zooming the timeline re-draws it.
  if (out.timelineBars) {
    await page.click("#zoom-in");
    out.zoomedBars = await page.$$eval("rect.tl-event", (cs) => cs.length);
  }

  // Filters: a language, then search; the list must narrow (its count, over all pages) and
  // what it shows must match.
  out.total = first.count;
  out.filters = {};
  for (const lang of spec.filter_langs || []) {
    await page.selectOption("#f-lang", lang);
    out.filters[lang] = await listed();
  }
  await page.selectOption("#f-lang", "");
  if (spec.search) {
    await page.fill("#f-q", spec.search);
    out.search = await listed();
    await page.fill("#f-q", "");
  }

  // One event: sources side by side; clicking a figure shows its quote.
  if (spec.events && spec.events.length) {
    await page.evaluate((id) => { location.hash = `#event/${id}`; }, spec.events[0]);
    await page.waitForSelector("#sources .figure");
    out.sourceColumns = await page.$$eval("#sources .source", (cs) => cs.length);
    const first = await page.$("#sources .figure");
    const quote = await first.$eval("mark", (m) => m.textContent);
    await first.click();
    await page.waitForSelector("#detail:not([hidden])");
    out.detailText = await page.$eval("#detail", (d) => d.textContent);
    out.clickedFigure = quote;
    out.statements = await page.$$eval(".statement", (ps) => ps.map((p) => p.textContent));
    if (spec.screenshot) await page.screenshot({ path: spec.screenshot, fullPage: false });
    // Each figure chart: the source names as drawn and in full, value labels, axis ticks, and
    // whether any text runs outside the drawing.
    out.charts = await page.$$eval("svg.figure-chart", (charts) => charts.map((c) => {
      const [, , w, h] = c.getAttribute("viewBox").split(" ").map(Number);
      const texts = [...c.querySelectorAll("text")];
      const outside = texts.filter((t) => {
        const b = t.getBBox();
        return b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5;
      }).map((t) => { const b = t.getBBox(); return `${t.textContent} [${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)},${b.height.toFixed(1)} in ${w}x${h}]`; });
      return {
        names: [...c.querySelectorAll("text.source-label")].map((t) => ({
          drawn: [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" "),
          full: t.querySelector("title").textContent,
        })),
        rows: c.querySelectorAll("g.chart-row").length,
        values: [...c.querySelectorAll("text.value-label")].map((t) => t.textContent),
        ticks: [...c.querySelectorAll("text.tick")].map((t) => t.textContent),
        outside,
      };
    }));
    // The claim's detail belongs to the view it was opened from.
    await page.click("#detail a[href^='#doc/']");
    await page.waitForSelector("#doc-text");
    out.detailHiddenAfterNavigation = await page.$eval("#detail", (d) => d.hidden);
  }

  // One document: every extracted span is highlighted and opens its claim.
  if (spec.doc) {
    await page.evaluate((id) => { location.hash = `#doc/${id}`; }, spec.doc);
    await page.waitForSelector("#doc-text");
    out.docSpans = await page.$$eval("#doc-text mark.claim-span", (ms) => ms.length);
    out.docText = await page.$eval("#doc-text", (d) => d.textContent);
    out.docImages = await page.$$eval("#main img, #main script", (ns) => ns.length);
    out.docNote = await page.$eval("#doc-note", (n) => n.textContent).catch(() => null);
    if (out.docSpans) {
      await page.click("#doc-text mark.claim-span");
      out.docDetail = await page.$eval("#detail", (d) => d.textContent);
    }
  }
  out.pwned = await page.evaluate(() => window.__pwned ?? null);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
