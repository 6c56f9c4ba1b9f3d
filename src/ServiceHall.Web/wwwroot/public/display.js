// Display (叫号大屏, Q4): each counter's state and the number it calls, the last calls, waiting per item and
// the notice line, sized from the screen: every counter at once, or in pages shown in turn ("2/3").
// ?department={id} or ?counters=1,2,5 limits a screen to a zone of the hall.
"use strict";

(async () => {
  const { t, getJson, connectHall, routeId, lang } = Hall;
  const $ = id => document.getElementById(id);
  const hallId = routeId();
  const params = new URLSearchParams(location.search);
  const zone = {
    department: params.get("department"),
    counters: (params.get("counters") || "").split(",").map(s => Number(s.trim())).filter(n => Number.isInteger(n) && n > 0),
  };
  const PAGE_SECONDS = 8;
  const MAX_SCALE = 1.8; // one or two counters get big cards, not giant ones

  let counters = [];   // the zone's counters, as shown
  let zoneNumbers = new Set(); // every counter of the zone, open or not: a call is this display's by these
  let items = [];      // the zone's items with their waiting counts
  let recent = [];
  let newest = null;   // the counter of the last call, highlighted
  const pager = { counters: { page: 0, pages: 1, perPage: 1 }, waiting: { page: 0, pages: 1, perPage: 1 } };

  // ---- sizing: 1 unit = 1 px on a 1920×1080 screen (1080×1920 in portrait) ----
  function unit() {
    const w = innerWidth, h = innerHeight;
    return w >= h ? Math.min(w / 1920, h / 1080) : Math.min(w / 1080, h / 1920);
  }

  /** 1,2,3,4,7 → ["1–4", "7"]: a zone of many counters keeps a short label. */
  function ranges(numbers) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      out.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(","));
      i = j + 1;
    }
    return out.flatMap(r => r.split(","));
  }

  function inZone(counter) {
    if (zone.counters.length) return zone.counters.includes(counter.number);
    if (zone.department) return counter.departmentId === zone.department;
    return true;
  }

  // ---- counters ----
  function counterHours(c) {
    const hm = time => (time || "").slice(0, 5);
    if (c.servedFrom && c.servedUntil) return t("DisplayCounterHours", hm(c.servedFrom), hm(c.servedUntil));
    if (c.servedFrom) return t("DisplayCounterFrom", hm(c.servedFrom));
    if (c.servedUntil) return t("DisplayCounterUntil", hm(c.servedUntil));
    return "";
  }

  function counterCard(c) {
    const card = document.createElement("div");
    card.className = "counter";
    card.dataset.counter = String(c.number);
    card.setAttribute("role", "group");
    const head = document.createElement("div");
    head.className = "head";
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = t("DisplayCounter", c.number);
    head.append(label);
    // Counters named just "3号窗口" would say it twice.
    if (c.name.replace(/\s/g, "") !== label.textContent.replace(/\s/g, "")) {
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = c.name;
      head.append(name);
    }
    const body = document.createElement("div");
    body.className = "state";
    let spoken;
    if (c.currentTicketNumber) {
      const serving = c.isServing;
      card.classList.add(serving ? "serving" : "calling");
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = t(serving ? "DisplayStateServing" : "DisplayStateCalling");
      head.append(tag);
      const current = document.createElement("span");
      current.className = "current";
      current.textContent = c.currentTicketNumber;
      // Numbers longer than A001 shrink to stay inside the card.
      current.style.setProperty("--len", String(Math.max(4, c.currentTicketNumber.length)));
      body.append(current);
      spoken = `${c.currentTicketNumber} ${tag.textContent}`;
    } else if (c.state === "paused") {
      card.classList.add("paused");
      const main = document.createElement("span");
      main.className = "status";
      main.textContent = t("DisplayStatePaused");
      const category = document.createElement("span");
      category.className = "category";
      category.textContent = t(`DisplayPause_${c.pauseCategory ? c.pauseCategory[0].toUpperCase() + c.pauseCategory.slice(1) : "Other"}`);
      body.append(main, category);
      spoken = `${main.textContent} ${category.textContent}`;
    } else {
      const key = c.state === "closed" ? "DisplayStateClosed" : "DisplayStateIdle";
      card.classList.add(c.state === "closed" ? "closed" : "idle");
      const main = document.createElement("span");
      main.className = "status";
      main.textContent = t(key);
      body.append(main);
      spoken = main.textContent;
      // A closed counter with hours of its own says when it serves (ADR-031): 未开放 / 08:00–17:00.
      const hours = c.state === "closed" ? counterHours(c) : "";
      if (hours) {
        const when = document.createElement("span");
        when.className = "hours";
        when.textContent = hours;
        body.append(when);
        spoken = `${spoken} ${hours}`;
      }
    }
    if (c.number === newest) card.classList.add("newest");
    card.setAttribute("aria-label", `${label.textContent} ${spoken}`);
    card.append(head, body);
    return card;
  }

  function renderCounters() {
    const root = $("counters");
    root.replaceChildren(...counters.map(counterCard));
    $("no-counters").hidden = counters.length > 0;
    layoutCounters();
  }

  /**
   * Chooses columns, rows and a scale so that the cards fill the area: all of them when they fit at their
   * legible size (number ≥ 100 px, label ≥ 40 px on 1080 lines), else as few equal pages as needed.
   */
  function layoutCounters() {
    const root = $("counters");
    const u = unit();
    const gap = 16 * u, cardW = 340 * u, cardH = 212 * u; // 212: the state tag never touches the number
    const width = root.clientWidth, height = root.clientHeight;
    const n = counters.length;
    const maxCols = Math.max(1, Math.floor((width + gap) / (cardW + gap)));
    const maxRows = Math.max(1, Math.floor((height + gap) / (cardH + gap)));
    const p = pager.counters;
    p.pages = Math.max(1, Math.ceil(n / (maxCols * maxRows)));
    p.perPage = Math.max(1, Math.ceil(n / p.pages));
    p.page = Math.min(p.page, p.pages - 1);
    let best = { cols: Math.min(maxCols, p.perPage), rows: maxRows, k: 1 };
    let bestK = 0;
    for (let cols = 1; cols <= Math.min(p.perPage, maxCols); cols++) {
      const rows = Math.ceil(p.perPage / cols);
      if (rows > maxRows) continue;
      const k = Math.min((width - gap * (cols - 1)) / cols / cardW, (height - gap * (rows - 1)) / rows / cardH);
      if (k > bestK) { bestK = k; best = { cols, rows, k }; }
    }
    root.style.gridTemplateColumns = `repeat(${best.cols}, minmax(0, 1fr))`;
    root.style.gridTemplateRows = `repeat(${best.rows}, minmax(0, 1fr))`;
    root.style.setProperty("--k", String(Math.max(1, Math.min(best.k, MAX_SCALE))));
    showPage("counters");
  }

  /**
   * A counter's own name and its state tag are extras beside the label: where they do not fit they are left
   * out (the name first), never cut; the card's colour still tells calling from serving.
   */
  function fitNames() {
    for (const card of $("counters").querySelectorAll(".counter:not([hidden])")) {
      const head = card.querySelector(".head");
      const extras = [card.querySelector(".name"), card.querySelector(".tag")].filter(Boolean);
      extras.forEach(e => { e.hidden = false; });
      // A number wider than its card (a long prefix) is drawn smaller rather than cut.
      const current = card.querySelector(".current");
      if (current) {
        current.style.removeProperty("--fit");
        const room = card.querySelector(".state").clientWidth;
        if (current.scrollWidth > room) current.style.setProperty("--fit", String(Math.floor(room / current.scrollWidth * 100) / 100));
      }
      for (const extra of extras) {
        if (head.scrollWidth <= head.clientWidth + 1 && (!extra.classList.contains("name") || extra.scrollWidth <= extra.clientWidth + 1)) continue;
        extra.hidden = true;
      }
    }
  }

  function showPage(which) {
    const p = pager[which];
    const root = $(which === "counters" ? "counters" : "waiting");
    [...root.children].forEach((el, i) => { el.hidden = Math.floor(i / p.perPage) !== p.page; });
    if (which === "counters") fitNames();
    const label = $(`${which}-page`);
    label.hidden = p.pages < 2;
    label.textContent = t("DisplayPageOf", p.page + 1, p.pages);
    const title = $(`${which}-title`).textContent;
    label.setAttribute("aria-label", t("DisplayPageLabel", title, p.page + 1, p.pages));
  }

  // ---- recent calls ----
  function renderRecent() {
    const root = $("recent");
    root.replaceChildren();
    recent.slice(0, 12).forEach((call, index) => {
      const li = document.createElement("li");
      if (index === 0) li.className = "newest";
      const num = document.createElement("span");
      num.className = "num";
      num.textContent = call.number;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = t("DisplayCounter", call.counterNumber) + (call.isRecall ? ` · ${t("DisplayRecall")}` : "");
      li.append(num, where);
      root.append(li);
    });
    $("no-calls").hidden = recent.length > 0;
    const last = recent[0];
    setAnnouncement($("announce"), last ? announcement(last) : "", last?.counterNumber);
    // Only the calls that fit are listed: none is cut in half at the bottom.
    while (root.lastElementChild && root.scrollHeight > root.clientHeight + 1) root.lastElementChild.remove();
    while (root.lastElementChild && root.scrollWidth > root.clientWidth + 1) root.lastElementChild.remove();
  }

  /**
   * The banner in two parts that each keep to one line where they fit, so that it breaks before the counter
   * ("请A001号到 / 3号窗口取药"), never inside 窗口 as it did ("…3号窗 / 口取药"). English breaks at its spaces.
   */
  function setAnnouncement(el, text, counterNumber) {
    const at = lang === "en" ? -1 : text.indexOf(`${counterNumber}号窗口`);
    if (at <= 0) { el.textContent = text; return; }
    el.replaceChildren(...[text.slice(0, at), text.slice(at)].map(part =>
      Object.assign(document.createElement("span"), { className: "part", textContent: part })));
  }

  /** The call's own words from its item's template (请A001号到3号窗口取药), in the page's language. */
  function announcement(call) {
    return (lang === "en" ? call.announcementEn : call.announcement) || t("DisplayPleaseGo", call.number, call.counterNumber);
  }

  // ---- waiting per item ----
  function zoneItemIds() {
    const ids = new Set(counters.flatMap(c => c.serviceItemIds));
    return ids;
  }

  function renderWaiting(overview) {
    if (overview) items = overview.items;
    const ids = zoneItemIds();
    const shown = zone.counters.length || zone.department ? items.filter(i => ids.has(i.serviceItemId)) : items;
    const root = $("waiting");
    root.replaceChildren(...shown.map(item => {
      const li = document.createElement("li");
      const prefix = document.createElement("span");
      prefix.className = "prefix";
      prefix.textContent = item.prefix;
      const name = document.createElement("span");
      name.className = "name";
      // The queue's overview is one for every screen: the name is this page's, read in its language (English names).
      name.textContent = hallItems.find(i => i.id === item.serviceItemId)?.name ?? item.name;
      const count = document.createElement("b");
      count.className = "count";
      count.textContent = t("DisplayPeople", item.waiting);
      li.append(prefix, name, count);
      return li;
    }));
    layoutWaiting();
    renderRecent(); // the list of calls above takes the height the items leave
  }

  /**
   * Every item's count stays on the screen (Q4): beside the counters (landscape) the items take up to
   * about 60 % of the column, below them (portrait) up to three rows. When one item per line does not fit,
   * the items go into two or three columns of compact cards (prefix and count, the name below); only a hall
   * with more items than even that holds shows them in turns like the counters.
   */
  function layoutWaiting() {
    const root = $("waiting");
    const u = unit();
    const gap = 8 * u;
    const portrait = innerHeight > innerWidth;
    const children = [...root.children];
    children.forEach(li => { li.hidden = false; });
    const side = document.querySelector(".side");
    const head = $("waiting-title").parentElement.offsetHeight;
    // The items take up to 60 % of the side, and never the room of the recent calls' title, a two-line banner and
    // three calls: longer (English) names page the items rather than push the calls out.
    const call = $("recent").firstElementChild?.offsetHeight || 78 * u;
    const recentKeeps = $("recent-title").offsetHeight + 10 * u + (2 * 50 + 24 + 12) * u + 3 * (call + 1) + 14 * u;
    const room = portrait ? Infinity : Math.min(side.clientHeight * 0.6, side.clientHeight - recentKeeps) - head;
    const n = children.length;
    const tries = portrait
      ? [{ compact: false, minW: 400 }, { compact: true, minW: 220 }]
      : [{ compact: false, cols: 1 }, { compact: true, cols: 2 }, { compact: true, cols: 3 }];
    let fit = null;
    for (const t of tries) {
      root.classList.toggle("compact", t.compact);
      const cols = t.cols ?? Math.max(1, Math.floor((root.clientWidth + gap) / (t.minW * u + gap)));
      root.style.gridTemplateColumns = `repeat(${cols}, minmax(0, 1fr))`;
      fitItemNames(root, t.compact);
      const rowHeight = Math.max(48 * u, ...children.map(li => li.offsetHeight)) + gap;
      const rows = portrait ? (t.compact ? 3 : 2) : Math.max(1, Math.floor((room + gap) / rowHeight));
      fit = cols * rows;
      if (n <= fit) break;
    }
    const p = pager.waiting;
    p.pages = Math.max(1, Math.ceil(n / fit));
    p.perPage = Math.max(1, Math.ceil(n / p.pages));
    p.page = Math.min(p.page, p.pages - 1);
    showPage("waiting");
  }

  /** A compact card's name is drawn smaller (down to 20 px on 1080 lines) rather than cut; longer ones wrap. */
  function fitItemNames(root, compact) {
    for (const name of root.querySelectorAll(".name")) {
      name.style.removeProperty("font-size");
      name.classList.remove("wrap");
      if (!compact || name.scrollWidth <= name.clientWidth + 1) continue;
      const size = parseFloat(getComputedStyle(name).fontSize);
      const fitted = Math.max(20 * unit(), Math.floor(size * name.clientWidth / name.scrollWidth));
      name.style.fontSize = `${fitted}px`;
      if (name.scrollWidth > name.clientWidth + 1) name.classList.add("wrap");
    }
  }

  // ---- visits (ADR-029): numbers just sent on to their next step, numbers ready to collect ----
  let board = { sentOn: [], ready: [], readyItemIds: [] };
  async function loadBoard() {
    // A hall without multi-step visits (P7) has no board: its route answers 404, and nothing is shown.
    board = await getJson(`/api/halls/${hallId}/visit-board`)
      .catch(e => { if (e.status === 404) return { sentOn: [], ready: [], readyItemIds: [] }; throw e; });
  }

  function renderVisits() {
    const names = new Map(hallItems.map(i => [i.id, (lang === "en" && i.nameEn) || i.name]));
    const ids = zoneItemIds();
    const mine = e => !(zone.counters.length || zone.department) || ids.has(e.serviceItemId);
    const ready = board.ready.filter(mine), sentOn = board.sentOn.filter(mine);
    const readyShown = board.readyItemIds.some(id => mine({ serviceItemId: id }));
    $("ready-part").hidden = !readyShown;
    $("ready").replaceChildren(...(ready.length
      ? ready.map(e => Object.assign(document.createElement("li"), { textContent: e.number }))
      : [Object.assign(document.createElement("li"), { className: "none", textContent: t("DisplayReadyNone") })]));
    $("sent-on-part").hidden = sentOn.length === 0;
    $("sent-on").replaceChildren(...sentOn.map(e => {
      const li = document.createElement("li");
      const num = Object.assign(document.createElement("span"), { className: "num", textContent: e.number });
      li.append(num, ` → ${names.get(e.serviceItemId) ?? ""}`);
      return li;
    }));
    $("visits").hidden = !readyShown && sentOn.length === 0;
    // Only whole numbers are shown: those that do not fit wait for the next ones to be called.
    for (const list of [$("ready"), $("sent-on")])
      while (list.lastElementChild && list.scrollHeight > list.clientHeight + 1) list.lastElementChild.remove();
  }

  async function refreshVisits() {
    try { await loadBoard(); renderVisits(); layoutCounters(); } catch { /* next change or reconnect */ }
  }

  // ---- notice line: scrolls when longer than the screen ----
  function layoutNotice() {
    const box = $("notice"), text = $("notice-text");
    if (box.hidden) return;
    box.classList.remove("scrolling");
    const overflow = text.scrollWidth > box.clientWidth;
    box.classList.toggle("scrolling", overflow);
    if (overflow) box.style.setProperty("--marquee-seconds", String(Math.round((text.scrollWidth + box.clientWidth) / (120 * unit()))));
  }

  function layout() {
    document.documentElement.style.setProperty("--u", String(unit()));
    layoutNotice();
    layoutWaiting();
    renderRecent();
    layoutCounters();
  }

  // ---- turns ----
  let turnTimer = null;
  function turn() {
    for (const which of ["counters", "waiting"]) {
      const p = pager[which];
      if (p.pages > 1) { p.page = (p.page + 1) % p.pages; showPage(which); }
    }
  }
  function scheduleTurns() {
    clearInterval(turnTimer);
    turnTimer = setInterval(turn, PAGE_SECONDS * 1000);
  }
  // The browser tests (and a technician at the console) turn the pages without waiting for the timer.
  window.hallDisplay = { turn: () => { turn(); scheduleTurns(); } };

  /** A call on another page brings that page up, for a full turn. */
  function bringIntoView(counterNumber) {
    const index = counters.findIndex(c => c.number === counterNumber);
    const p = pager.counters;
    if (index < 0 || p.pages < 2) return;
    const page = Math.floor(index / p.perPage);
    if (page !== p.page) { p.page = page; showPage("counters"); scheduleTurns(); }
  }

  // ---- events ----
  function onCall(call) {
    if (!zoneNumbers.has(call.counterNumber)) return; // another zone's counter
    const counter = counters.find(c => c.number === call.counterNumber);
    if (counter) {
      counter.currentTicketNumber = call.number;
      counter.isServing = false;
    } else {
      // A counter that opened since the last read calls at once: the call is announced and listed now, its card follows.
      loadCounters().then(renderCounters).catch(() => { /* next change or reconnect */ });
    }
    newest = call.counterNumber;
    recent.unshift({ number: call.number, counterNumber: call.counterNumber, isRecall: call.isRecall, announcement: call.announcement,
      announcementEn: call.announcementEn });
    recent = recent.slice(0, 20);
    renderCounters();
    bringIntoView(call.counterNumber);
    renderRecent();
    voice.enqueue(call);
  }

  // Pause, resume, open, close and finish come as queue changes: re-read the counters, at most every 3 s.
  let countersDue = null;
  function onQueueChanged(overview) {
    renderWaiting(overview);
    if (countersDue) return;
    countersDue = setTimeout(async () => {
      countersDue = null;
      try { await Promise.all([loadCounters(), loadBoard()]); renderWaiting(); renderVisits(); renderCounters(); } catch { /* next change or reconnect */ }
    }, 3000);
  }

  async function loadCounters() {
    const list = await getJson(`/api/halls/${hallId}/counters`);
    const zoned = list.filter(inZone);
    zoneNumbers = new Set(zoned.map(c => c.number));
    counters = zoned.filter(c => c.inService || c.state !== "closed");
  }

  async function refresh() {
    try {
      const [, , overview, calls] = await Promise.all([
        loadCounters(),
        loadBoard(),
        getJson(`/api/halls/${hallId}/queue`),
        getJson(`/api/halls/${hallId}/recent-calls?limit=20`),
      ]);
      recent = calls.filter(c => zoneNumbers.has(c.counterNumber));
      renderWaiting(overview);
      renderVisits();
      renderCounters();
    } catch { /* retried on the next reconnect */ }
  }

  function tick() {
    $("clock").textContent = Hall.formatTime();
  }

  const voice = DisplayVoice.create({ onUnavailable: () => { $("voice-warning").hidden = false; layout(); } });

  document.documentElement.style.setProperty("--u", String(unit()));
  await Hall.loadStrings();
  const [halls, hallItems] = await Promise.all([getJson("/api/halls"), getJson(`/api/halls/${hallId}/service-items`).catch(() => [])]);
  const hall = halls.find(h => h.id === hallId);
  Hall.useTimeZone(hall?.timeZoneId);
  $("hall-name").textContent = hall ? hall.name : "";
  document.title = `${t("DisplayTitle")} · ${hall ? hall.name : ""}`;
  if (zone.counters.length) {
    $("zone").textContent = t("DisplayZoneCounters", ranges(zone.counters).join(lang === "en" ? ", " : "、"));
    $("zone").hidden = false;
  } else if (zone.department) {
    const department = hallItems.find(i => i.departmentId === zone.department);
    $("zone").textContent = department ? department.departmentName : "";
    $("zone").hidden = !department;
  }
  if (hall?.noticeLine) { $("notice-text").textContent = hall.noticeLine; $("notice").hidden = false; }
  tick();
  setInterval(tick, 10000);
  // A number sent on is shown for a while (GetVisitBoard.SentOnMinutes), then leaves even if nothing else changes.
  setInterval(refreshVisits, 30000);
  await refresh();
  layout();
  scheduleTurns();
  let resizeTimer = null;
  addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(layout, 150); });
  // The list of calls takes the height the items leave; whenever that changes, as many calls as fit are listed.
  let recentHeight = 0;
  new ResizeObserver(([entry]) => {
    if (Math.abs(entry.contentRect.height - recentHeight) < 1) return;
    recentHeight = entry.contentRect.height;
    renderRecent();
  }).observe($("recent"));
  if (voice.needsGesture()) {
    $("enable-sound").hidden = false;
    $("enable-sound").addEventListener("click", async () => { await voice.unlock(); $("enable-sound").hidden = true; layout(); });
  }
  voice.start();
  connectHall(hallId, {
    TicketCalled: onCall,
    QueueChanged: onQueueChanged,
  }, refresh);
})();
