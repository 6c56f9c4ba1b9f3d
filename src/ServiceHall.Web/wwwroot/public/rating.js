// The rating form (好差评, S1), shared by the pad next to the counter and the phone page.
"use strict";

const Rating = (() => {
  const LEVELS = ["verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied", "veryDissatisfied"];
  const REASONS = ["attitude", "efficiency", "explanation", "process", "waiting", "environment", "other"];
  const BAD = new Set(["dissatisfied", "veryDissatisfied"]);
  const lang = (new URLSearchParams(location.search).get("lang") || "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh-CN";
  let strings = {};

  function t(key, ...args) {
    return (strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
  }

  async function loadStrings() {
    const response = await fetch(`/api/i18n/supervision?lang=${lang}`);
    strings = await response.json();
    document.documentElement.lang = lang;
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

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  /** A big touch toggle: a button whose state is aria-pressed, so screen readers say "pressed". */
  function toggle(className, text, value) {
    const button = el("button", { type: "button", className }, el("span", { className: "tick", textContent: "✓" }), text);
    button.firstChild.setAttribute("aria-hidden", "true"); // the state is aria-pressed; the tick is for the eye
    button.dataset.value = value;
    button.setAttribute("aria-pressed", "false");
    return button;
  }

  /**
   * Draws the form into container for one ticket; onDone runs after a rating is accepted.
   * options.keypad: the pad has no keyboard, so the callback phone is typed on big on-screen keys.
   * options.key: the phone's proof that it holds the ticket (its rating key, from the QR code's link).
   */
  function render(container, ticketId, onDone, options = {}) {
    let level = null;
    const reasons = new Set();
    const form = el("form", { className: "rating-form" });
    form.setAttribute("aria-label", t("RateTitle"));

    const levels = el("fieldset", { className: "levels" }, el("legend", { textContent: t("RateHowWasIt") }));
    const levelRow = el("div", { className: "level-row" });
    levelRow.setAttribute("role", "group");
    for (const value of LEVELS) {
      const button = toggle(`level level-${value}`, t(`Level_${value}`), value);
      button.addEventListener("click", () => {
        level = value;
        levelRow.querySelectorAll(".level").forEach(b => b.setAttribute("aria-pressed", String(b === button)));
        error.hidden = true;
      });
      levelRow.append(button);
    }
    levels.append(levelRow);

    const reasonBox = el("fieldset", { className: "reasons" }, el("legend", { textContent: t("RateReasons") }));
    const reasonRow = el("div", { className: "reason-row" });
    for (const value of REASONS) {
      const button = toggle("reason", t(`Reason_${value}`), value);
      button.addEventListener("click", () => {
        if (reasons.has(value)) reasons.delete(value); else reasons.add(value);
        button.setAttribute("aria-pressed", String(reasons.has(value)));
      });
      reasonRow.append(button);
    }
    reasonBox.append(reasonRow);

    const comment = el("textarea", { name: "comment", maxLength: 500, rows: 2 });
    const commentLabel = el("label", { className: "comment" }, el("span", { textContent: t("RateComment") }), comment);
    const error = el("p", { className: "error", hidden: true });
    error.setAttribute("role", "alert");
    const submit = el("button", { type: "submit", className: "primary", textContent: t("RateSubmit") });
    form.append(levels, reasonBox, commentLabel, error, el("div", { className: "actions" }, submit));

    async function send(phone, button) {
      button.disabled = true;
      try {
        const rating = await post(ratingUrl(ticketId, options.key), {
          level, reasons: [...reasons], comment: comment.value.trim() || null, contactPhone: phone || null,
        });
        thanks(container, rating);
        onDone?.(rating);
      } catch (e) {
        button.disabled = false;
        throw e;
      }
    }

    form.addEventListener("submit", async event => {
      event.preventDefault();
      if (!level) { error.textContent = t("RateChooseLevel"); error.hidden = false; return; }
      // A bad rating is called back (回访): ask for a number first, never required.
      if (BAD.has(level)) { phoneStep(container, form, send, options); return; }
      try { await send(null, submit); } catch (e) { error.textContent = e.message; error.hidden = false; }
    });
    container.replaceChildren(form);
  }

  /** The callback-phone step after a bad level: on-screen keys on the pad, the phone's own keyboard elsewhere. */
  function phoneStep(container, form, send, options) {
    const input = el("input", { id: "callback-phone", type: "tel", inputMode: "tel", autocomplete: "tel", maxLength: 20 });
    const label = el("label", { className: "phone-field", htmlFor: "callback-phone" }, el("span", { textContent: t("RatePhoneLabel") }));
    const error = el("p", { className: "error", hidden: true });
    error.setAttribute("role", "alert");
    const heading = el("h2", { textContent: t("RatePhoneTitle"), tabIndex: -1 });
    const step = el("section", { className: "phone-step" }, heading, el("p", { className: "hint", textContent: t("RatePhoneHint") }), label, input);
    if (options.keypad) {
      input.readOnly = true; // the pad's own keys type; no system keyboard pops up over them
      const keys = el("div", { className: "keypad" });
      keys.setAttribute("role", "group");
      keys.setAttribute("aria-label", t("RatePhoneLabel"));
      for (const k of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "delete"]) {
        const text = k === "clear" ? t("RateKeyClear") : k === "delete" ? t("RateKeyDelete") : k;
        const key = el("button", { type: "button", className: `key key-${k}`, textContent: text });
        key.addEventListener("click", () => {
          if (k === "clear") input.value = "";
          else if (k === "delete") input.value = input.value.slice(0, -1);
          else if (input.value.length < 20) input.value += k;
        });
        keys.append(key);
      }
      step.append(keys);
    }
    const submit = el("button", { type: "button", className: "primary", textContent: t("RatePhoneSubmit") });
    const skip = el("button", { type: "button", className: "secondary", textContent: t("RatePhoneSkip") });
    const back = el("button", { type: "button", className: "secondary", textContent: t("RateBack") });
    step.append(error, el("div", { className: "actions" }, submit, skip, back));
    const go = async (phone, button) => {
      try { await send(phone, button); } catch (e) { error.textContent = e.message; error.hidden = false; }
    };
    submit.addEventListener("click", () => go(input.value.trim(), submit));
    skip.addEventListener("click", () => go(null, skip));
    back.addEventListener("click", () => { container.replaceChildren(form); });
    container.replaceChildren(step);
    heading.focus();
  }

  function thanks(container, rating) {
    const p = el("p", { className: "thanks", textContent: t("RateThanks") });
    p.setAttribute("role", "status");
    container.replaceChildren(p);
    if (rating && BAD.has(rating.level)) {
      // Promise a callback only when there is a number to call.
      const text = rating.contactPhoneMasked ? t("RateCallbackPromise", rating.contactPhoneMasked) : t("RateBadNoPhone");
      container.append(el("p", { className: "follow-up", textContent: text }));
    }
  }

  const ratingUrl = (ticketId, key) => `/api/tickets/${ticketId}/rating` + (key ? `?k=${encodeURIComponent(key)}` : "");

  return { lang, t, loadStrings, call, post, render, thanks, ratingUrl };
})();

// On the phone page (/t/{ticketId}): offer the form once the service is finished, within the window.
(() => {
  const match = location.pathname.match(/^\/t\/([0-9a-f-]{36})$/i);
  const section = document.getElementById("rating");
  if (!match || !section) return;
  const ticketId = match[1];
  // The ticket's rating key rides in the link of its QR code (/t/{id}?k=…); without it the phone only follows the queue.
  const key = new URLSearchParams(location.search).get("k");
  if (!key) return;
  let shown = false;
  async function check() {
    if (shown) return;
    try {
      const state = await Rating.call(Rating.ratingUrl(ticketId, key));
      if (state.rating) {
        shown = true;
        section.hidden = false;
        Rating.thanks(section.querySelector(".rating-body"), state.rating);
      } else if (state.canRate) {
        shown = true;
        section.hidden = false;
        Rating.render(section.querySelector(".rating-body"), ticketId, null, { key });
      }
    } catch { /* the page shows its own errors; try again on the next tick */ }
  }
  Rating.loadStrings().then(check);
  // The service finishes while the phone is open: look again every few seconds until it does.
  setInterval(check, 5000);
})();
