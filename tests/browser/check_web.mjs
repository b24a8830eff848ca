// Drive the rashomon web app (a running `rashomon serve`) in headless Chromium and print what
// was observed as JSON; the Python test decides pass/fail.
//
//   node check_web.mjs SPEC.json
//
// SPEC.phase:
//   "review"  log in as the reviewer, correct a perpetrator, merge two events, split a claim
//             off, reject a figure, try a forged CSRF token, log in as a reader, open a
//             hostile document;
//   "report"  open a written HTML report (SPEC.report) and read an event's reviewed values;
//   "after"   log in again and read the event page (after re-extraction).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const base = spec.base;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = { requests: [], consoleErrors: [], pageErrors: [] };

async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("request", (r) => {
    const url = r.url();
    if (!(base && url.startsWith(base)) && !url.startsWith("data:") && !url.startsWith("file:")) out.requests.push(url);
  });
  // Error pages (403, 409) are expected in some steps; their status lines are not script errors.
  page.on("console", (m) => { if (m.type() === "error" && !/status of (40[0-9]|41[0-9]|429)/.test(m.text())) out.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => out.pageErrors.push(String(e)));
  return page;
}

async function login(page, name, password) {
  await page.goto(`${base}/events`);
  out.redirectedToLogin = page.url().includes("/login");
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button')]);
  return page.$eval("#user", (u) => u.textContent);
}

async function submit(page, form, action) {
  const button = action ? `button[value=${action}]` : "button";
  const [response] = await Promise.all([page.waitForNavigation(), form.$eval(button, (b) => b.click())]);
  return response ? response.status() : null;
}

const texts = (page, selector) => page.$$eval(selector, (ns) => ns.map((n) => n.textContent.trim()));

try {
  if (spec.phase === "review") {
    const page = await newPage();
    out.user = await login(page, spec.reviewer[0], spec.reviewer[1]);
    // Open the event and correct a perpetrator of one figure.
    await page.goto(`${base}/events/${spec.event}`);
    out.columnsBefore = await page.$$eval("#sources .source", (cs) => cs.length);
    const figure = `#c-${spec.perpClaim}`;
    await page.click(`${figure} details.review-box summary`);
    const correct = await page.$(`${figure} form.review-claim`);
    out.prefilled = {};
    for (const field of ["measure", "value", "perpetrators"]) {
      await correct.$eval("select[name=field]", (s, f) => { s.value = f; s.dispatchEvent(new Event("change")); }, field);
      out.prefilled[field] = await correct.$eval("input[name=value]", (i) => i.value);
    }
    await correct.$eval("input[name=value]", (i) => { i.value = ""; });
    await (await correct.$("input[name=value]")).type(spec.perpetrator);
    await (await correct.$("input[name=reason]")).type("named as the source, not the perpetrator");
    out.correctStatus = await submit(page, correct, "correct");
    out.saved = await page.$("#saved") !== null;
    out.perpetrators = await texts(page, `${figure} .perpetrators`);
    out.claimMark = await texts(page, `${figure} .reviewed`);
    // The review screen, for the README: the corrected figure with its review box open.
    await page.click(`${figure} details.review-box summary`);
    await page.$eval(figure, (n) => n.scrollIntoView({ block: "center" }));
    if (spec.screenshot) await page.screenshot({ path: spec.screenshot });
    // Merge the other event into this one.
    const merge = await page.$("#merge-form");
    await (await merge.$("input[name=other]")).type(spec.other);
    out.mergeStatus = await submit(page, merge);
    out.columnsMerged = await page.$$eval("#sources .source", (cs) => cs.length);
    // Split one claim off again.
    await page.check(`#c-${spec.splitClaim} input[name=claims]`);
    out.splitStatus = await submit(page, await page.$("#split-form"));
    out.columnsSplit = await page.$$eval("#sources .source", (cs) => cs.length);
    out.splitClaimHere = await page.$(`#c-${spec.splitClaim}`) !== null;
    // Reject a figure.
    await page.click(`#c-${spec.rejectClaim} details.review-box summary`);
    const reject = await page.$(`#c-${spec.rejectClaim} form.review-claim`);
    await (await reject.$("input[name=reason]")).type("a postcode, not a count");
    out.rejectStatus = await submit(page, reject, "reject");
    out.rejectedGone = await page.$(`#c-${spec.rejectClaim}`) === null;
    out.estimates = await texts(page, "#estimates .estimate");
    out.eventMark = await texts(page, "#event-reviewed");
    // The events list shows the reviewed event and its estimates.
    await page.goto(`${base}/events`);
    out.cards = await page.$$eval(".event-card", (cs) => cs.map((c) => ({
      id: c.dataset.event,
      text: c.textContent.replace(/\s+/g, " ").trim(),
      estimates: [...c.querySelectorAll(".estimate")].map((x) => x.textContent.trim()),
    })));
    // A forged CSRF token is refused and changes nothing.
    await page.goto(`${base}/claims/${spec.perpClaim}`);
    const accept = await page.$("form.review-claim");
    await accept.$eval("input[name=csrf]", (i) => { i.value = "forged-token"; });
    out.forgedStatus = await submit(page, accept, "accept");
    out.forgedText = await page.$eval("#error", (e) => e.textContent);
    await page.goto(`${base}/reviews`);
    out.reviews = await page.$$eval("#reviews tr[class^=status]", (rs) => rs.map((r) => r.textContent.replace(/\s+/g, " ").trim()));
    // Log out; a reader sees no review forms, and a review posted anyway is refused.
    await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
    out.reader = await login(page, spec.reader[0], spec.reader[1]);
    await page.goto(`${base}/events/${spec.event}`);
    out.readerForms = await page.$$eval('form[action="/review"]', (fs) => fs.length);
    const csrf = await page.$eval('form[action="/logout"] input[name=csrf]', (i) => i.value);
    out.readerPost = await page.evaluate(async ([token, claim]) => {
      const body = new URLSearchParams({ csrf: token, target_kind: "claim", target_id: claim, action: "accept" });
      const r = await fetch("/review", { method: "POST", body });
      return { status: r.status, text: await r.text() };
    }, [csrf, spec.perpClaim]);
    // Hostile document text renders as text.
    await page.goto(`${base}/docs/${spec.hostileDoc}`);
    out.docText = await page.$eval("#doc-text", (d) => d.textContent);
    out.docElements = await page.$$eval("#doc-text img, #doc-text script, #doc-text b, #doc-text textarea", (ns) => ns.length);
    out.pwned = await page.evaluate(() => window.__pwned ?? null);
  } else if (spec.phase === "report") {
    const page = await newPage();
    await page.goto(pathToFileURL(spec.report).href);
    await page.waitForSelector("#event-list");
    out.cards = await page.$$eval(".event-card", (cs) => cs.map((c) => c.dataset.event));
    await page.evaluate((id) => { location.hash = `#event/${id}`; }, spec.event);
    await page.waitForSelector("#sources .figure");
    out.eventMark = await texts(page, "#event-reviewed");
    out.figureMarks = await texts(page, "#sources .reviewed");
    // Each estimate whole: its sentence, who gives what, and what is left out of it.
    out.estimates = await texts(page, "#estimates .estimate");
    out.figures = await page.$$eval("#sources .figure", (fs) => fs.map((f) => f.dataset.claim));
    out.pwned = await page.evaluate(() => window.__pwned ?? null);
  } else if (spec.phase === "after") {
    const page = await newPage();
    await login(page, spec.reviewer[0], spec.reviewer[1]);
    await page.goto(`${base}/events/${spec.event}`);
    out.columns = await page.$$eval("#sources .source", (cs) => cs.length);
    out.perpetrators = await texts(page, `#c-${spec.perpClaim} .perpetrators`);
    out.figures = await page.$$eval("#sources .figure", (fs) => fs.map((f) => f.dataset.claim));
    out.estimates = await texts(page, "#estimates .estimate");
    await page.goto(`${base}/reviews`);
    out.reviews = await page.$$eval("#reviews tr[class^=status]", (rs) => rs.map((r) => r.className));
    await page.goto(`${base}/reviews?status=orphaned`);
    out.orphans = await page.$$eval("#reviews tr[class^=status]", (rs) => rs.length);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
