// The rating pad next to a counter (/pad/{counterId}): idle it is the counter's supervision card (行风监督卡);
// after a service it shows that service's rating form, and returns to the card 30 s after a rating or as soon
// as the counter calls its next citizen, so nobody ever sees the previous citizen's rating.
"use strict";

(() => {
  const counterId = location.pathname.split("/").pop().toLowerCase();
  const $ = id => document.getElementById(id);
  const THANKS_MS = 30000;
  let current = null;     // the ticket whose form or thank-you is on screen
  let thanksTimer = 0;
  let hub = null;

  function idle() {
    clearTimeout(thanksTimer);
    thanksTimer = 0;
    current = null;
    $("service").hidden = true;
    document.querySelector("#service .rating-body").replaceChildren(); // drop the last citizen's choices
    $("idle").hidden = false;
    document.body.dataset.padState = "idle";
  }

  function showCard(pad) {
    // A counter named after its number ("3号窗口") is not named twice.
    const counter = pad.counterName.replace(/\s/g, "").includes(String(pad.counterNumber))
      ? pad.counterName : Rating.t("PadCardCounterValue", pad.counterNumber, pad.counterName);
    $("pad-counter").textContent = counter;
    $("card-counter").textContent = counter;
    $("card-badge").textContent = pad.card?.badgeNumber ?? Rating.t("PadCardNoStaff");
    $("card-phone").textContent = pad.card?.supervisePhone ?? "";
    $("card-phone-row").hidden = !pad.card?.supervisePhone;
  }

  function showForm(ticket) {
    clearTimeout(thanksTimer);
    thanksTimer = 0;
    current = ticket.ticketId;
    $("idle").hidden = true;
    $("service").hidden = false;
    document.body.dataset.padState = "rating";
    $("pad-ticket").textContent = Rating.t("RateTicket", ticket.number, ticket.serviceItemName);
    $("pad-staff").textContent = ticket.badgeNumber ? Rating.t("RateStaff", ticket.staffName ?? "", ticket.badgeNumber) : "";
    Rating.render(document.querySelector("#service .rating-body"), ticket.ticketId, rated, { keypad: true });
  }

  function rated() {
    document.body.dataset.padState = "thanks";
    thanksTimer = setTimeout(idle, THANKS_MS);
  }

  async function refresh() {
    try {
      const pad = await Rating.call(`/api/counters/${counterId}/rating-pad`);
      $("loading").hidden = true;
      showCard(pad);
      connect(pad.hallId);
      const ticket = pad.ticket;
      if (thanksTimer) {
        // The thank-you stays its 30 s unless the next citizen's service is already there to rate.
        if (ticket && !ticket.rated && ticket.ticketId !== current) showForm(ticket);
        else if (!ticket) idle();
        return;
      }
      if (!ticket || ticket.rated) { if (current !== null || $("idle").hidden) idle(); return; }
      if (ticket.ticketId !== current) showForm(ticket);
    } catch (e) {
      $("loading").hidden = true;
      // Never a sign-in form for the public: a pad not yet signed in goes to /login (done once when it is set up),
      // a pad of another counter says why it may not rate here.
      if (e.status === 401) location.href = "/login?ReturnUrl=" + encodeURIComponent(location.pathname + location.search);
      else { $("loading").hidden = false; $("loading").textContent = e.message; }
    }
  }

  // The counter calls its next citizen: back to the card at once, whatever is on screen.
  function connect(hallId) {
    if (hub || !hallId) return;
    hub = Hall.connectHall(hallId, {
      TicketCalled: call => { if (call.counterId.toLowerCase() === counterId && call.ticketId !== current) { idle(); refresh(); } },
      // The hall's other news is not the pad's business; handled so that none arrives unhandled.
      TicketIssued: () => {}, QueueChanged: () => {}, AlertRaised: () => {}, AlertCleared: () => {},
    }, refresh);
  }

  const sw = $("lang-switch");
  if (Rating.lang === "en") sw.href = location.pathname;
  Rating.loadStrings().then(refresh);
  // Finished services reach the pad by this poll; calls come by the hub.
  setInterval(refresh, 3000);
})();
