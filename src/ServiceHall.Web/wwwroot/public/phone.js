// Phone page (Q9): follow one ticket without signing in; the counter in large type once called.
"use strict";

(async () => {
  const { t, getJson, formatTime, connectHall, routeId, lang } = Hall;
  const $ = id => document.getElementById(id);
  let ticketId = routeId();
  let items = new Map(), guides = true, connection = null, followed = null, refreshing = null, again = false, lastRead = 0;

  async function load() {
    let ticket = await getJson(`/api/tickets/${ticketId}`);
    // A transferred ticket, or a visit's step sent on to the next (挂号 → 缴费), lives on as a new one: follow it and
    // keep the address current.
    for (let hops = 0; (ticket.transferredToTicketId || ticket.nextStepTicketId) && hops < 10; hops++) {
      ticketId = ticket.transferredToTicketId || ticket.nextStepTicketId;
      history.replaceState(null, "", `/t/${ticketId}${location.search}`);
      ticket = await getJson(`/api/tickets/${ticketId}`);
    }
    return ticket;
  }

  function render(ticket) {
    const item = items.get(ticket.serviceItemId);
    $("number").textContent = ticket.number;
    $("item").textContent = itemName(item);
    $("status").textContent = t(`Status_${ticket.status}`);
    const waiting = ticket.status === "waiting";
    $("position").textContent = waiting ? t("PhonePositionValue", ticket.position ?? 1) : "—";
    $("ahead").textContent = waiting ? t("TicketPeopleValue", ticket.peopleAhead ?? 0) : "—";
    $("wait").textContent = waiting ? t("TicketMinutes", ticket.estimatedWaitMinutes ?? 0) : "—";
    $("issued").textContent = formatTime(ticket.issuedAt);
    const called = (ticket.status === "called" || ticket.status === "serving") && ticket.counterNumber != null;
    $("called").hidden = !called;
    if (called) $("go-to").textContent = t("PhoneGoTo", ticket.counterNumber);
    // "Your turn" in the item's words, as the display calls it (请C001号到3号窗口取药).
    if (called) $("call-words").textContent = (lang === "en" ? ticket.announcementEn : ticket.announcement) || t("PhoneCalledHint");
    $("finished").hidden = !(ticket.status === "done" || ticket.status === "noShow");
    renderNextStep(ticket, item, waiting);
    linkGuide(ticket);
    $("ticket").hidden = false;
    $("ticket").dataset.status = ticket.status;
    $("updated").textContent = t("PhoneUpdated", formatTime());
  }

  function itemName(item) {
    return item ? (lang === "en" && item.nameEn) || item.name : "";
  }

  /** A visit's next step: where to wait now and the place in that line; a pharmacy's "ready to collect". */
  function renderNextStep(ticket, item, waiting) {
    const next = waiting && ticket.channel === "nextStep";
    $("next-step").hidden = !next && !(waiting && ticket.readyAt);
    $("next-step-where").textContent = next ? t("PhoneNextStep", itemName(item), ticket.position ?? 1) : "";
    $("next-step-hint").hidden = !next;
    $("next-step-ready").hidden = !(waiting && ticket.readyAt);
  }

  /** The item's 办事指南 (M1), to read the materials while waiting. */
  function linkGuide(ticket) {
    const link = $("guide-link");
    link.href = `/guide/${ticket.hallId}/${ticket.serviceItemId}${lang === "en" ? "?lang=en" : ""}`;
    link.hidden = !guides; // a hall that does not use guides (P7) has none to link
  }

  // Bursts of QueueChanged collapse into one re-read at a time.
  async function refresh() {
    if (refreshing) { again = true; return refreshing; }
    refreshing = (async () => {
      do {
        again = false;
        try {
          const ticket = await load();
          lastRead = Date.now();
          render(ticket);
          if (connection && followed !== ticketId) follow(ticket);
          $("error").hidden = true;
        } catch (e) {
          $("error").textContent = e.status === 404 ? t("PhoneNotFound") : t("LoadFailed");
          $("error").hidden = false;
        }
      } while (again);
      refreshing = null;
    })();
    return refreshing;
  }

  // The hub sends a phone its own ticket's call and changes, and its item's queue: after a transfer, the new ticket's.
  function follow(ticket) {
    const previous = connection, id = ticketId;
    followed = id;
    connection = connectHall(ticket.hallId, {
      TicketCalled: call => { if (call.ticketId === ticketId) refresh(); },
      TicketChanged: change => { if (change.ticketId === ticketId) refresh(); },
      QueueChanged: refreshSoon,
    }, () => { document.body.dataset.following = id; refresh(); }, id);
    previous?.close();
  }

  // The item's queue moved, so the place in line did. Every phone waiting for a busy item hears it (up to twice a
  // second): each re-reads at most every 10 s, spread at random. Its own ticket's changes come at once (above).
  const QUEUE_READ_MS = 10000;
  let pending = 0;
  function refreshSoon() {
    if (pending) return;
    const due = Math.max(0, lastRead + QUEUE_READ_MS - Date.now());
    pending = setTimeout(() => { pending = 0; refresh(); }, due + 200 + Math.random() * 1800);
  }

  try {
    await Hall.loadStrings();
    const ticket = await load();
    const [halls, list] = await Promise.all([getJson("/api/halls"), getJson(`/api/halls/${ticket.hallId}/service-items`)]);
    items = new Map(list.map(i => [i.id, i]));
    const hall = halls.find(h => h.id === ticket.hallId);
    guides = (hall?.modules ?? []).includes("guides");
    Hall.useTimeZone(hall?.timeZoneId);
    $("issued").textContent = formatTime(ticket.issuedAt);
    $("hall-name").textContent = hall ? hall.name : "";
    document.title = `${ticket.number} · ${t("PhoneTitle")}`;
    render(ticket);
    $("loading").hidden = true;
    follow(ticket);
    setInterval(refresh, 30000); // a slow safety net if a phone sleeps through events
  } catch (e) {
    $("loading").hidden = true;
    $("error").textContent = e.status === 404 ? t("PhoneNotFound") : t("LoadFailed");
    $("error").hidden = false;
  }
})();
