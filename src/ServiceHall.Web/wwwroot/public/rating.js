// The rating form (好差评, S1), shared by the pad next to the counter and the phone page.
"use strict";

const Rating = (() => {
  const LEVELS = ["verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied", "veryDissatisfied"];
  const REASONS = ["attitude", "efficiency", "explanation", "process", "waiting", "environment", "other"];
  const lang = (new URLSearchParams(location.search).get("lang") || "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh-CN";
  let strings = {};

  function t(key, ...args) {
    return (strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
  }

  async function loadStrings() {
    const response = await fetch(`/api/i18n/supervision?lang=${lang}`);
    strings = await response.json();
    document.querySelectorAll("[data-sv]").forEach(el => { el.textContent = t(el.dataset.sv); });
  }

  async function call(url, options) {
    const response = await fetch(url, {
      credentials: "same-origin", ...options,
      headers: { "Accept": "application/json", "Accept-Language": lang, ...(options?.headers || {}) },
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(body?.detail || body?.title || response.statusText);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  const post = (url, body) => call(url, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

  /** Draws the form into container for one ticket; onDone runs after a rating is accepted. */
  function render(container, ticketId, onDone) {
    container.replaceChildren();
    const form = document.createElement("form");
    form.className = "rating-form";
    form.setAttribute("aria-label", t("RateTitle"));
    const levels = document.createElement("fieldset");
    levels.className = "levels";
    const legend = document.createElement("legend");
    legend.textContent = t("RateTitle");
    levels.append(legend);
    for (const level of LEVELS) {
      const label = document.createElement("label");
      label.className = `level level-${level}`;
      const input = Object.assign(document.createElement("input"), { type: "radio", name: "level", value: level });
      label.append(input, document.createTextNode(t(`Level_${level}`)));
      levels.append(label);
    }
    const reasons = document.createElement("fieldset");
    reasons.className = "reasons";
    const reasonsLegend = document.createElement("legend");
    reasonsLegend.textContent = t("RateReasons");
    reasons.append(reasonsLegend);
    for (const reason of REASONS) {
      const label = document.createElement("label");
      const input = Object.assign(document.createElement("input"), { type: "checkbox", name: "reason", value: reason });
      label.append(input, document.createTextNode(t(`Reason_${reason}`)));
      reasons.append(label);
    }
    const commentLabel = document.createElement("label");
    commentLabel.className = "comment";
    commentLabel.append(document.createTextNode(t("RateComment")));
    const comment = Object.assign(document.createElement("textarea"), { name: "comment", maxLength: 500, rows: 3 });
    commentLabel.append(comment);
    const error = Object.assign(document.createElement("p"), { className: "error", hidden: true });
    error.setAttribute("role", "alert");
    const submit = Object.assign(document.createElement("button"), { type: "submit", className: "primary", textContent: t("RateSubmit") });
    form.append(levels, reasons, commentLabel, error, submit);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const level = form.querySelector("input[name=level]:checked")?.value;
      if (!level) { error.textContent = t("RateChooseLevel"); error.hidden = false; return; }
      submit.disabled = true;
      try {
        const rating = await post(`/api/tickets/${ticketId}/rating`, {
          level,
          reasons: [...form.querySelectorAll("input[name=reason]:checked")].map(i => i.value),
          comment: comment.value.trim() || null,
        });
        thanks(container, rating);
        onDone?.(rating);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        submit.disabled = false;
      }
    });
    container.append(form);
  }

  function thanks(container, rating) {
    const p = Object.assign(document.createElement("p"), { className: "thanks", textContent: t("RateThanks") });
    p.setAttribute("role", "status");
    container.replaceChildren(p);
    if (rating && (rating.level === "dissatisfied" || rating.level === "veryDissatisfied")) {
      container.append(Object.assign(document.createElement("p"), { textContent: t("RateBadFollowUp") }));
    }
  }

  return { lang, t, loadStrings, call, post, render, thanks };
})();

// On the phone page (/t/{ticketId}): offer the form once the service is finished, within the window.
(() => {
  const match = location.pathname.match(/^\/t\/([0-9a-f-]{36})$/i);
  const section = document.getElementById("rating");
  if (!match || !section) return;
  const ticketId = match[1];
  let shown = false;
  async function check() {
    if (shown) return;
    try {
      const state = await Rating.call(`/api/tickets/${ticketId}/rating`);
      if (state.rating) {
        shown = true;
        section.hidden = false;
        Rating.thanks(section.querySelector(".rating-body"), state.rating);
      } else if (state.canRate) {
        shown = true;
        section.hidden = false;
        Rating.render(section.querySelector(".rating-body"), ticketId);
      }
    } catch { /* the page shows its own errors; try again on the next tick */ }
  }
  Rating.loadStrings().then(check);
  // The service finishes while the phone is open: look again every few seconds until it does.
  setInterval(check, 5000);
})();
