// Kiosk (取号机, Q1/Q2): choose an item, a priority, confirm; the ticket is shown and printable on 80 mm paper.
"use strict";

(async () => {
  const { t, getJson, postJson, formatTime, connectHall, routeId } = Hall;
  const hallId = routeId();
  const $ = id => document.getElementById(id);
  const screens = ["choose-item", "choose-priority", "ticket", "guide", "checkin"];
  let hall, items = [], waiting = new Map(), chosenItem = null, chosenCategory = null, resetTimer = 0;

  function show(id) {
    screens.forEach(s => { $(s).hidden = s !== id; });
    const heading = $(id).querySelector("h2, .number");
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: false }); }
  }

  function showError(message) {
    $("error").textContent = message;
    $("error").hidden = !message;
  }

  function renderItems() {
    const byDepartment = new Map();
    for (const item of items) {
      if (!byDepartment.has(item.departmentName)) byDepartment.set(item.departmentName, []);
      byDepartment.get(item.departmentName).push(item);
    }
    const root = $("departments");
    root.replaceChildren();
    for (const [department, list] of byDepartment) {
      const section = document.createElement("section");
      section.className = "department";
      const h3 = document.createElement("h3");
      h3.textContent = department;
      const grid = document.createElement("div");
      grid.className = "items";
      for (const item of list) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "item-button";
        button.dataset.itemId = item.id;
        const count = waiting.get(item.id) ?? 0;
        button.innerHTML = `<span class="prefix" aria-hidden="true"></span><span><span class="name"></span><span class="waiting"></span></span>`;
        button.querySelector(".prefix").textContent = item.prefix;
        button.querySelector(".name").textContent = item.name;
        button.querySelector(".waiting").textContent = t("KioskWaiting", count);
        markAvailability(button, item);
        button.addEventListener("click", () => { if (!item.unavailable) choose(item); });
        grid.append(button);
      }
      section.append(h3, grid);
      root.append(section);
    }
  }

  const hm = time => (time ?? "").slice(0, 5);

  /** How this hall names the person served (群众, 患者, 旅客, 业主), in the page's language. */
  const citizen = () => (Hall.lang.startsWith("zh") ? hall?.citizenWord : hall?.citizenWordEn) ?? "";

  // Q7, 限号: an item that cannot be issued now is greyed out with its reason before anyone taps it.
  function markAvailability(button, item) {
    const reason = item.unavailable;
    button.classList.toggle("unavailable", !!reason);
    button.disabled = !!reason;
    const line = button.querySelector(".waiting");
    if (reason === "notServedNow") line.textContent = t("Unavailable_notServedNow", hm(item.servedFrom ?? hall.today?.opensAt), hm(item.servedUntil ?? hall.today?.issueCutoff));
    else if (reason) line.textContent = t(`Unavailable_${reason}`);
    else line.textContent = t("KioskWaiting", waiting.get(item.id) ?? 0);
  }

  // The home screen says why nothing can be taken: a day off, after the cut-off, the lunch break.
  function renderBanner() {
    const today = hall.today ?? {};
    const messages = {
      hallClosedToday: [t("KioskClosedToday"), t("KioskClosedTodayHint")],
      afterCutoff: [t("KioskIssuingEnded"), t("KioskIssuingEndedHint", citizen())],
      lunchBreak: [t("KioskLunchBreak", hm(today.lunchEndsAt)), ""],
      notYetOpen: [t("KioskNotYetOpen", hm(today.opensAt)), ""],
    };
    const message = messages[today.issuing];
    $("day-banner").hidden = !message;
    $("day-banner-title").textContent = message ? message[0] : "";
    $("day-banner-hint").textContent = message ? message[1] : "";
  }

  async function refreshAvailability() {
    try {
      const [halls, list] = await Promise.all([getJson("/api/halls"), getJson(`/api/halls/${hallId}/service-items`), refreshCategories()]);
      hall = halls.find(h => h.id === hallId) ?? hall;
      const known = items.map(i => i.id).join();
      items = list;
      if (known !== items.map(i => i.id).join()) renderItems();
      document.querySelectorAll(".item-button").forEach(b => {
        const item = items.find(i => i.id === b.dataset.itemId);
        if (item) markAvailability(b, item);
      });
      renderBanner();
      applyModules();
    } catch { /* the next change or tick tries again */ }
  }

  // ---- the hall's own priority categories (Q2, ADR-030), in the hall's order after "normal" ----

  let categories = [];
  const categoryName = c => (Hall.lang.startsWith("zh") ? c.nameZh : c.nameEn);
  const chosenLabel = () => (chosenCategory ? categoryName(chosenCategory) : t("Priority_normal"));

  async function refreshCategories() {
    try { categories = await getJson(`/api/halls/${hallId}/priority-categories`); }
    catch { /* the next refresh tries again; the kiosk keeps the list it has */ }
  }

  /** The receipt names the category the ticket claimed; a ticket without one (normal, or from the API by class) its class. */
  function ticketPriorityLabel(ticket) {
    const category = categories.find(c => c.id === ticket.priorityCategoryId);
    return category ? categoryName(category) : t(`Priority_${ticket.priority}`);
  }

  function renderPriorities() {
    const root = $("priorities");
    root.replaceChildren();
    for (const category of [null, ...categories]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "priority-button";
      button.textContent = category ? categoryName(category) : t("Priority_normal");
      if (category) button.dataset.categoryId = category.id;
      button.setAttribute("aria-pressed", String((category?.id ?? null) === (chosenCategory?.id ?? null)));
      button.addEventListener("click", () => { chosenCategory = category; renderPriorities(); root.querySelector(`[aria-pressed="true"]`).focus(); });
      root.append(button);
    }
    $("confirm-summary").textContent = chosenItem ? `${chosenItem.name} · ${chosenLabel()}` : "";
  }

  function choose(item) {
    chosenItem = item;
    chosenCategory = null;
    $("chosen-item").textContent = `${item.prefix} · ${item.name}`;
    renderPriorities();
    showError("");
    show("choose-priority");
    armReset();
  }

  async function issue() {
    const button = $("confirm");
    button.disabled = true;
    button.textContent = t("KioskIssuing");
    try {
      const ticket = await postJson(`/api/halls/${hallId}/tickets`, chosenCategory
        ? { serviceItemId: chosenItem.id, priorityCategoryId: chosenCategory.id }
        : { serviceItemId: chosenItem.id, priority: "normal" });
      showTicket(ticket);
    } catch (e) {
      // A 429 names what was limited (this phone, or the address); an enrolled kiosk is never limited.
      showError(e.status === 429 ? e.message : t("IssueFailed", e.message));
    } finally {
      button.disabled = false;
      button.textContent = t("KioskConfirm");
    }
  }

  function showTicket(ticket) {
    const item = items.find(i => i.id === ticket.serviceItemId) ?? chosenItem;
    $("receipt-hall").textContent = hall.name;
    $("ticket-number").textContent = ticket.number;
    $("ticket-item").textContent = item.name;
    $("ticket-priority").textContent = ticketPriorityLabel(ticket);
    $("ticket-ahead").textContent = t("TicketPeopleValue", ticket.peopleAhead ?? 0);
    $("ticket-wait").textContent = t("TicketMinutes", ticket.estimatedWaitMinutes ?? 0);
    $("ticket-date").textContent = receiptDate(ticket.issuedAt);
    $("ticket-time").textContent = formatTime(ticket.issuedAt);
    $("ticket-qr").src = `/api/tickets/${ticket.id}/qr.svg?k=${encodeURIComponent(ticket.ratingKey ?? "")}`;
    $("ticket-qr").alt = t("TicketQrAlt");
    $("ticket").dataset.ticketId = ticket.id;
    show("ticket");
    armReset(60000);
  }

  // A walk-away citizen must not leave the next one on a half-finished screen.
  function armReset(ms = 45000) {
    clearTimeout(resetTimer);
    resetTimer = setTimeout(home, ms);
  }

  function home() {
    clearTimeout(resetTimer);
    chosenItem = null;
    showError("");
    show("choose-item");
  }

  async function refreshQueue() {
    try {
      const queue = await getJson(`/api/halls/${hallId}/queue`);
      waiting = new Map(queue.items.map(i => [i.serviceItemId, i.waiting]));
    } catch { /* the next QueueChanged or reconnect will try again */ }
    await refreshAvailability();
  }

  // ---- the receipt's date and the service guide (M1), kept apart so that other kiosk work merges cleanly ----

  /** The issue day in the hall's time zone (the paper says which day it is valid for, Q7). */
  function receiptDate(iso) {
    const d = new Date(iso.endsWith("Z") ? iso : `${iso}Z`);
    const options = { year: "numeric", month: "2-digit", day: "2-digit", weekday: "short" };
    try { return d.toLocaleDateString(Hall.lang, { ...options, timeZone: hall.timeZoneId }); }
    catch { return d.toLocaleDateString(Hall.lang, options); } // an id the browser does not know
  }

  /** Each item gets its own "办事指南" button beside it, however and whenever the item grid is drawn. */
  function watchGuideButtons() {
    const root = $("departments");
    const decorate = () => root.querySelectorAll(".item-button:not([data-guide])").forEach(button => {
      const item = items.find(i => i.id === button.dataset.itemId);
      if (!item) return;
      button.dataset.guide = "1";
      const cell = document.createElement("div");
      cell.className = "item-cell";
      cell.setAttribute("role", "group");
      cell.setAttribute("aria-label", item.name);
      const guide = document.createElement("button");
      guide.type = "button";
      guide.className = "guide-button";
      guide.textContent = t("KioskGuide");
      guide.addEventListener("click", () => openGuide(item));
      guide.hidden = !uses("guides");
      button.replaceWith(cell);
      cell.append(button, guide);
    });
    decorate();
    new MutationObserver(decorate).observe(root, { childList: true, subtree: true });
  }

  const MAX_MATERIALS = 6; // more would push the guide off one screen; the QR code carries the full list

  async function openGuide(item) {
    showError("");
    let g;
    try { g = await getJson(`/api/halls/${hallId}/service-items/${item.id}/guide`); }
    catch { showError(t("GuideLoadFailed")); return; }
    $("guide-title").textContent = t("KioskGuideTitle", g.itemName);
    const time = g.timeLimitClass === "promised" ? t("GuideTime_promised", g.promisedDays)
      : g.timeLimitClass === "coordination" ? t("GuideTime_coordination", g.promisedDays) : t(`GuideTime_${g.timeLimitClass}`);
    const facts = [
      [t("GuideTimeLimit"), time],
      [t("GuideCounters"), g.counters.map(c => t("GuideCounterNumber", c.number)).join(Hall.lang.startsWith("zh") ? "、" : ", ")],
      [t("GuideHours"), `${g.opensAt.slice(0, 5)}–${g.closesAt.slice(0, 5)}`],
      [t("GuideFees"), g.fees || t("GuideFree")],
      [t("GuideProcess"), g.processSteps.join(" → ")],
      [t("GuideConsult"), g.consultPhone],
    ].filter(([, value]) => value);
    $("guide-facts").replaceChildren(...facts.flatMap(([label, value]) => [
      Object.assign(document.createElement("dt"), { textContent: label }),
      Object.assign(document.createElement("dd"), { textContent: value }),
    ]));
    const list = $("guide-materials");
    list.replaceChildren(...g.materials.slice(0, MAX_MATERIALS).map(m => {
      const li = document.createElement("li");
      const name = Object.assign(document.createElement("span"), { className: "material-name", textContent: m.name });
      const detail = Object.assign(document.createElement("span"), {
        className: "material-detail", textContent: `${m.isRequired ? t("GuideRequired") : t("GuideOptional")} · ${t("GuideCopies", m.originals, m.copies)}`,
      });
      li.append(name, detail);
      return li;
    }));
    if (g.materials.length > MAX_MATERIALS)
      list.append(Object.assign(document.createElement("li"), { className: "more", textContent: t("GuideMoreMaterials", g.materials.length - MAX_MATERIALS) }));
    if (g.materials.length === 0)
      list.append(Object.assign(document.createElement("li"), { className: "more", textContent: t("GuideNoMaterials") }));
    $("guide-qr").src = `/api/halls/${hallId}/service-items/${item.id}/guide/qr.svg`;
    $("guide-qr").alt = t("GuideQrAlt");
    show("guide");
    armReset(90000); // reading takes longer than choosing
  }

  // ---- 预约签到 (Q8): a booking checked in within its window becomes a ticket in the appointment lane ----

  function openCheckIn() {
    showError("");
    $("checkin-code").value = "";
    $("checkin-error").hidden = true;
    show("checkin");
    $("checkin-code").focus();
    armReset(90000);
  }

  /** An 18- or 15-character resident ID number is sent as one; anything else is a booking code. */
  function checkInBody(text) {
    const value = text.trim().toUpperCase();
    return /^(\d{17}[\dX]|\d{15})$/.test(value) ? { idNumber: value } : { code: value };
  }

  async function checkIn() {
    const text = $("checkin-code").value;
    if (!text.trim()) { $("checkin-code").focus(); return; }
    const button = $("checkin-confirm");
    button.disabled = true;
    try {
      const result = await postJson(`/api/halls/${hallId}/bookings/check-in`, checkInBody(text));
      showTicket(result.ticket);
      $("ticket-priority").textContent = t("KioskAppointment", result.booking.start.slice(11, 16), result.booking.end.slice(11, 16));
    } catch (e) {
      // Too early, too late or not found: the message says when, or to take a walk-in ticket (the button beside it).
      $("checkin-error").textContent = e.message;
      $("checkin-error").hidden = false;
      armReset(90000);
    } finally {
      button.disabled = false;
    }
  }

  // ---- modules (P7): a hall offers guides and appointment check-in at its kiosk only where it uses them ----

  const uses = module => (hall?.modules ?? []).includes(module);

  function applyModules() {
    $("checkin-open").hidden = !uses("appointments");
    document.querySelectorAll(".guide-button").forEach(b => { b.hidden = !uses("guides"); });
  }

  /** The phone booking page's QR code beside check-in, where the hall takes bookings (the offer answers 404 elsewhere). */
  async function offerBooking() {
    try {
      const offer = await getJson(`/api/halls/${hallId}/booking-offer`);
      if (offer.items.length === 0) return;
      $("book-qr").src = `/api/halls/${hallId}/booking/qr.svg`;
      $("book-qr").alt = t("KioskBookQrAlt");
      $("book-link").hidden = false;
    } catch { /* no bookings here */ }
  }

  $("checkin-open").addEventListener("click", openCheckIn);
  $("checkin-confirm").addEventListener("click", checkIn);
  $("checkin-code").addEventListener("keydown", e => { if (e.key === "Enter") checkIn(); });
  $("checkin-walk-in").addEventListener("click", home);

  $("guide-close").addEventListener("click", home);
  $("confirm").addEventListener("click", issue);
  $("back").addEventListener("click", home);
  $("done").addEventListener("click", home);
  $("print").addEventListener("click", () => window.print());

  try {
    await Hall.loadStrings();
    const [halls, list] = await Promise.all([getJson("/api/halls"), getJson(`/api/halls/${hallId}/service-items`)]);
    hall = halls.find(h => h.id === hallId);
    if (!hall) throw new Error("hall");
    Hall.useTimeZone(hall.timeZoneId);
    items = list;
    await refreshCategories();
    $("hall-name").textContent = hall.name;
    document.title = `${t("KioskTitle")} · ${hall.name}`;
    $("greeting").textContent = t("KioskGreeting", citizen());
    $("greeting").hidden = false;
    await refreshQueue();
    renderItems();
    watchGuideButtons();
    renderBanner();
    applyModules();
    $("loading").hidden = true;
    // Hours, the cut-off and the lunch break change with the time alone.
    setInterval(refreshAvailability, 60000);
    show("choose-item");
    offerBooking();
    connectHall(hallId, {
      QueueChanged: overview => {
        waiting = new Map(overview.items.map(i => [i.serviceItemId, i.waiting]));
        refreshAvailability();
      },
    }, refreshQueue);
  } catch {
    $("loading").hidden = true;
    showError(t("LoadFailed"));
  }
})();
