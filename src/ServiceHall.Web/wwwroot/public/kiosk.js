// Kiosk (取号机, Q1/Q2): choose an item, a priority, confirm; the ticket is shown and printable on 80 mm paper.
"use strict";

(async () => {
  const { t, getJson, postJson, formatTime, connectHall, routeId } = Hall;
  const hallId = routeId();
  const $ = id => document.getElementById(id);
  const priorities = ["normal", "elderly", "disabled", "military", "pregnant", "emergency"];
  const screens = ["choose-item", "choose-priority", "signin", "ticket"];
  let hall, items = [], waiting = new Map(), chosenItem = null, chosenPriority = "normal", resetTimer = 0;

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
        button.addEventListener("click", () => choose(item));
        grid.append(button);
      }
      section.append(h3, grid);
      root.append(section);
    }
  }

  function renderPriorities() {
    const root = $("priorities");
    root.replaceChildren();
    for (const p of priorities) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "priority-button";
      button.textContent = t(`Priority_${p}`);
      button.setAttribute("aria-pressed", String(p === chosenPriority));
      button.addEventListener("click", () => { chosenPriority = p; renderPriorities(); root.querySelector(`[aria-pressed="true"]`).focus(); });
      root.append(button);
    }
    $("confirm-summary").textContent = chosenItem ? `${chosenItem.name} · ${t(`Priority_${chosenPriority}`)}` : "";
  }

  function choose(item) {
    chosenItem = item;
    chosenPriority = "normal";
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
      const ticket = await postJson(`/api/halls/${hallId}/tickets`, { serviceItemId: chosenItem.id, priority: chosenPriority });
      showTicket(ticket);
    } catch (e) {
      if (e.status === 429) show("signin"); // a kiosk device signs in and is then not limited
      else showError(t("IssueFailed", e.message));
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
    $("ticket-priority").textContent = t(`Priority_${ticket.priority}`);
    $("ticket-ahead").textContent = t("TicketPeopleValue", ticket.peopleAhead ?? 0);
    $("ticket-wait").textContent = t("TicketMinutes", ticket.estimatedWaitMinutes ?? 0);
    $("ticket-time").textContent = formatTime(ticket.issuedAt);
    $("ticket-qr").src = `/api/tickets/${ticket.id}/qr.svg`;
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
      document.querySelectorAll(".item-button").forEach(b => {
        b.querySelector(".waiting").textContent = t("KioskWaiting", waiting.get(b.dataset.itemId) ?? 0);
      });
    } catch { /* the next QueueChanged or reconnect will try again */ }
  }

  $("confirm").addEventListener("click", issue);
  $("back").addEventListener("click", home);
  $("done").addEventListener("click", home);
  $("print").addEventListener("click", () => window.print());
  $("signin-cancel").addEventListener("click", home);
  $("signin-form").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await postJson("/api/auth/login?useCookies=true", { userName: $("signin-user").value, password: $("signin-password").value });
      $("signin-password").value = "";
      show("choose-priority");
      await issue();
    } catch {
      showError(t("SignInFailed"));
    }
  });

  try {
    await Hall.loadStrings();
    const [halls, list] = await Promise.all([getJson("/api/halls"), getJson(`/api/halls/${hallId}/service-items`)]);
    hall = halls.find(h => h.id === hallId);
    if (!hall) throw new Error("hall");
    items = list;
    $("hall-name").textContent = hall.name;
    document.title = `${t("KioskTitle")} · ${hall.name}`;
    await refreshQueue();
    renderItems();
    $("loading").hidden = true;
    show("choose-item");
    connectHall(hallId, {
      QueueChanged: overview => {
        waiting = new Map(overview.items.map(i => [i.serviceItemId, i.waiting]));
        document.querySelectorAll(".item-button").forEach(b => {
          b.querySelector(".waiting").textContent = t("KioskWaiting", waiting.get(b.dataset.itemId) ?? 0);
        });
      },
    }, refreshQueue);
  } catch {
    $("loading").hidden = true;
    showError(t("LoadFailed"));
  }
})();
