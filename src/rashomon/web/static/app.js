// rashomon web app: small enhancements only. The pages work without this file; all text is
// put in the page by the server (escaped). No inline script is allowed by the CSP, and this
// file never turns data into markup.
"use strict";
(function () {
  // Filter menus apply as soon as a value is chosen.
  for (const select of document.querySelectorAll("select.autosubmit")) {
    select.addEventListener("change", () => select.form.submit());
  }
  // A correction form shows the field's current value to edit.
  for (const select of document.querySelectorAll("select.field-select")) {
    const input = select.form.querySelector("input.field-value");
    const fill = () => {
      const option = select.options[select.selectedIndex];
      input.value = option ? option.dataset.current || "" : "";
    };
    select.addEventListener("change", fill);
  }
  // Timeline and map: wheel or buttons zoom by changing the SVG's view box.
  const original = new Map();
  function zoom(svg, factor, atX, atY) {
    if (!original.has(svg)) original.set(svg, svg.getAttribute("viewBox"));
    if (factor === 0) { svg.setAttribute("viewBox", original.get(svg)); return; }
    const [x, y, w, h] = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    const horizontalOnly = svg.id === "timeline";
    const cx = atX ?? x + w / 2, cy = atY ?? y + h / 2;
    const nw = w * factor, nh = horizontalOnly ? h : h * factor;
    const nx = cx - (cx - x) * factor, ny = horizontalOnly ? y : cy - (cy - y) * factor;
    svg.setAttribute("viewBox", [nx, ny, nw, nh].map((v) => v.toFixed(2)).join(" "));
  }
  for (const svg of document.querySelectorAll("svg.zoomable")) {
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const box = svg.getBoundingClientRect();
      const [x, y, w, h] = svg.getAttribute("viewBox").split(/\s+/).map(Number);
      const atX = x + ((ev.clientX - box.left) / box.width) * w;
      const atY = y + ((ev.clientY - box.top) / box.height) * h;
      zoom(svg, ev.deltaY > 0 ? 1.25 : 0.8, atX, atY);
    }, { passive: false });
  }
  for (const button of document.querySelectorAll("button.zoom")) {
    button.addEventListener("click", () => {
      const svg = document.getElementById(button.dataset.target);
      if (svg) zoom(svg, Number(button.dataset.factor));
    });
  }
  for (const link of document.querySelectorAll("a.back")) {
    link.addEventListener("click", (ev) => {
      if (history.length > 1) { ev.preventDefault(); history.back(); }
    });
  }
})();
