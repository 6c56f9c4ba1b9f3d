// The rating pad next to a counter (/pad/{counterId}): shows the counter's last finished service and its rating form.
"use strict";

(() => {
  const counterId = location.pathname.split("/").pop();
  const $ = id => document.getElementById(id);
  let current = null;

  async function refresh() {
    try {
      const pad = await Rating.call(`/api/counters/${counterId}/rating-pad`);
      $("loading").hidden = true;
      $("sign-in").hidden = true;
      const ticket = pad.ticket;
      if (!ticket || ticket.rated) {
        if (current && ticket && ticket.ticketId === current) return; // keep the thank-you until the next service
        current = null;
        $("service").hidden = true;
        $("idle").hidden = false;
        return;
      }
      if (ticket.ticketId === current) return;
      current = ticket.ticketId;
      $("idle").hidden = true;
      $("service").hidden = false;
      $("pad-ticket").textContent = Rating.t("RateTicket", ticket.number, ticket.serviceItemName);
      $("pad-staff").textContent = ticket.staffName ? Rating.t("RateStaff", ticket.staffName, ticket.badgeNumber ?? "") : "";
      Rating.render(document.querySelector("#service .rating-body"), ticket.ticketId);
    } catch (e) {
      $("loading").hidden = true;
      if (e.status === 401 || e.status === 403) $("sign-in").hidden = false;
    }
  }

  $("sign-in").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await Rating.post("/api/auth/login?useCookies=true", { userName: $("pad-user").value, password: $("pad-password").value });
      await refresh();
    } catch (e) {
      $("sign-in-error").textContent = e.message;
      $("sign-in-error").hidden = false;
    }
  });

  const sw = $("lang-switch");
  if (Rating.lang === "en") sw.href = location.pathname;
  Rating.loadStrings().then(refresh);
  setInterval(refresh, 3000);
})();
