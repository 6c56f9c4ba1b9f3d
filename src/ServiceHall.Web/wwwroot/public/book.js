// Booking on the phone (/book/{hallId}, Q8): an item, a day and a time with places left; name, phone (and the ID number
// when the item asks); then the booking code with its QR code for the kiosk's 预约签到, the time, and cancel.
// Every time shown is the hall's (the API gives instants with the hall's offset); the phone's own clock is never used.
"use strict";

(async () => {
  const { t, lang, getJson, postJson, routeId } = Hall;
  const $ = id => document.getElementById(id);
  const hallId = routeId();
  let offer = null, item = null, day = null, slot = null, booking = null;

  const hm = iso => iso.slice(11, 16);
  /** A date (yyyy-MM-dd) as a person reads it, in parts that never break inside: [今天,] 11月24日, 周二. */
  function dayParts(date) {
    const [y, m, d] = date.split("-").map(Number);
    const at = new Date(Date.UTC(y, m - 1, d));
    const parts = [at.toLocaleDateString(lang, { timeZone: "UTC", month: "short", day: "numeric" }),
      at.toLocaleDateString(lang, { timeZone: "UTC", weekday: "short" })];
    const today = offer.now.slice(0, 10);
    const [ty, tm, td] = today.split("-").map(Number);
    const next = new Date(Date.UTC(ty, tm - 1, td + 1)).toISOString().slice(0, 10);
    if (date === today) parts.unshift(t("BookToday"));
    else if (date === next) parts.unshift(t("BookTomorrow"));
    return parts;
  }
  const dayText = date => dayParts(date).join(" ");
  /** The same as a button's label: the line may break between the parts only. */
  function dayLabel(date) {
    const label = document.createDocumentFragment();
    dayParts(date).forEach((part, i) => {
      if (i > 0) label.append(" ");
      label.append(Object.assign(document.createElement("span"), { className: "book-time", textContent: part }));
    });
    return label;
  }
  /** An instant some minutes before or after another, as the hall's date and time (the cancel deadline may be the day before). */
  function shifted(iso, minutes, withDate) {
    const at = new Date(new Date(iso).getTime() + minutes * 60000);
    const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: offer.timeZoneId };
    if (withDate) Object.assign(options, { month: "long", day: "numeric" });
    return new Intl.DateTimeFormat(lang, options).format(at);
  }

  /** 10:00–10:30, never broken across lines. */
  function timeSpan(start, end) {
    return Object.assign(document.createElement("span"), { className: "book-time", textContent: `${hm(start)}–${hm(end)}` });
  }

  function showError(id, message) {
    $(id).textContent = message || "";
    $(id).hidden = !message;
  }

  /** A big choice button; the chosen one is pressed. */
  function option(label, detail, pressed, disabled, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "book-option";
    button.setAttribute("aria-pressed", String(pressed));
    button.disabled = disabled;
    button.innerHTML = `<span class="label"></span><span class="detail"></span>`;
    if (label instanceof Node) button.querySelector(".label").append(label); // parts that must not break inside
    else button.querySelector(".label").textContent = label;
    button.querySelector(".detail").textContent = detail;
    button.addEventListener("click", onClick);
    return button;
  }

  function renderItems() {
    $("items").replaceChildren(...offer.items.map(i =>
      option(i.name, "", i === item, false, () => { item = i; day = null; slot = null; renderItems(); })));
    renderDays();
  }

  function renderDays() {
    const days = item ? item.days : [];
    $("days").replaceChildren(...days.map(d => option(dayLabel(d.date),
      d.available > 0 ? t("BookPlacesLeft", d.available) : t("BookFull"), d === day, d.available === 0, () => chooseDay(d))));
    $("no-days").hidden = days.some(d => d.available > 0);
    if (!day) { $("slot-title").hidden = true; $("slots").replaceChildren(); }
  }

  async function chooseDay(d) {
    day = d;
    slot = null;
    renderDays();
    showError("error", "");
    try {
      const slots = (await getJson(`/api/halls/${hallId}/service-items/${item.id}/slots?date=${d.date}`))
        .filter(s => new Date(s.start) > new Date(offer.now));
      $("slot-title").hidden = false;
      $("slots").replaceChildren(...slots.map(s => option(timeSpan(s.start, s.end),
        s.available > 0 ? t("BookPlacesLeft", s.available) : t("BookFull"), false, s.available === 0, () => chooseSlot(s))));
      $("slot-title").scrollIntoView({ block: "start" });
    } catch (e) {
      showError("error", e.message);
    }
  }

  function chooseSlot(s) {
    slot = s;
    $("choose").hidden = true;
    $("chosen").replaceChildren(`${item.name} · ${dayText(day.date)} `, timeSpan(s.start, s.end));
    $("id-field").hidden = !item.requiresIdNumber;
    $("consent-text").textContent = t(item.requiresIdNumber ? "BookConsentWithId" : "BookConsent", offer.hallName);
    showError("form-error", "");
    $("form").hidden = false;
    $("form-title").tabIndex = -1;
    $("form-title").focus();
  }

  async function submit(event) {
    event.preventDefault();
    if (!$("consent").checked) { showError("form-error", t("BookConsentNeeded")); $("consent").focus(); return; }
    const button = $("submit");
    button.disabled = true;
    try {
      booking = await postJson(`/api/slots/${slot.id}/phone-bookings`, {
        name: $("name").value, phone: $("phone").value, idNumber: item.requiresIdNumber ? $("id-number").value : null,
      });
      // The address keeps the booking: a reload or a bookmark shows the code again.
      const query = new URLSearchParams({ b: booking.id, code: booking.code });
      if (lang === "en") query.set("lang", "en");
      history.replaceState(null, "", `${location.pathname}?${query}`);
      relinkLanguage();
      showBooking(true);
    } catch (e) {
      showError("form-error", e.message);
      // A slot taken meanwhile: the times are read again when the person goes back.
      if (e.status === 409 && day) chooseDay(day);
    } finally {
      button.disabled = false;
    }
  }

  /** The language switch keeps the booking in its address. */
  function relinkLanguage() {
    const other = new URLSearchParams(location.search);
    if (lang === "en") other.delete("lang"); else other.set("lang", "en");
    $("lang-switch").href = `${location.pathname}?${other}`;
  }

  function showBooking(justBooked) {
    const b = booking;
    const bookedItem = offer.items.find(i => i.id === b.serviceItemId);
    $("choose").hidden = $("form").hidden = true;
    document.title = `${t("BookCode")} ${b.code} · ${offer.hallName}`;
    $("done-title").textContent = b.status === "booked" ? t(justBooked ? "BookDone" : "BookYours") : t(`BookStatus_${b.status}`);
    $("code").textContent = b.code;
    $("qr").src = `/api/bookings/${b.id}/qr.svg?code=${encodeURIComponent(b.code)}`;
    $("qr").alt = t("BookQrAlt", b.code);
    $("done-item").textContent = bookedItem ? bookedItem.name : "";
    $("done-when").replaceChildren(`${dayText(b.start.slice(0, 10))} `, timeSpan(b.start, b.end));
    $("done-who").textContent = `${b.name} ${b.phone}`;
    const active = b.status === "booked";
    $("qr").hidden = !active;
    $("how").hidden = !active;
    $("how").textContent = t("BookHow", shifted(b.start, -offer.checkInEarlyMinutes), shifted(b.start, offer.checkInLateMinutes));
    $("cancel-block").hidden = !active;
    $("cancel-until").textContent = t("BookCancelUntil", shifted(b.start, -offer.cancelBeforeMinutes, true));
    $("cancel-confirm").hidden = true;
    $("cancel").hidden = false;
    $("again").hidden = active;
    $("again").href = `${location.pathname}${lang === "en" ? "?lang=en" : ""}`;
    $("done").hidden = false;
    $("done-title").focus();
  }

  async function cancel() {
    showError("cancel-error", "");
    try {
      await getJson(`/api/bookings/${booking.id}?code=${encodeURIComponent(booking.code)}`, { method: "DELETE" });
      booking = await getJson(`/api/bookings/${booking.id}?code=${encodeURIComponent(booking.code)}`);
      showBooking(false);
    } catch (e) {
      $("cancel-confirm").hidden = true;
      $("cancel").hidden = false;
      showError("cancel-error", e.message);
    }
  }

  $("form").addEventListener("submit", submit);
  $("back").addEventListener("click", () => { $("form").hidden = true; $("choose").hidden = false; if (day) chooseDay(day); });
  $("cancel").addEventListener("click", () => { $("cancel").hidden = true; $("cancel-confirm").hidden = false; $("cancel-yes").focus(); });
  $("cancel-no").addEventListener("click", () => { $("cancel-confirm").hidden = true; $("cancel").hidden = false; });
  $("cancel-yes").addEventListener("click", cancel);

  try {
    await Hall.loadStrings();
    offer = await getJson(`/api/halls/${hallId}/booking-offer`);
    $("hall-name").textContent = offer.hallName;
    document.title = `${t("BookTitle")} · ${offer.hallName}`;
    const params = new URLSearchParams(location.search);
    $("loading").hidden = true;
    if (params.get("b") && params.get("code")) {
      booking = await getJson(`/api/bookings/${encodeURIComponent(params.get("b"))}?code=${encodeURIComponent(params.get("code"))}`);
      showBooking(false);
      return;
    }
    if (offer.items.length === 0) { showError("error", t("BookNothing")); return; }
    item = offer.items[0];
    renderItems();
    $("choose").hidden = false;
  } catch (e) {
    $("loading").hidden = true;
    // A hall that takes no bookings says so (the server's words); anything else cannot be loaded now.
    showError("error", e.status === 404 ? e.message : t("LoadFailed"));
  }
})();
