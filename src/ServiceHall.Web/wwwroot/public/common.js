// Shared by the light public pages: strings (P4), API calls and a self-healing SignalR connection.
"use strict";

const Hall = (() => {
  const params = new URLSearchParams(location.search);
  const lang = (params.get("lang") || "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh-CN";
  let strings = {};

  /** Fills {0}, {1}… like the server's resources do. */
  function t(key, ...args) {
    const text = strings[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
  }

  async function loadStrings() {
    strings = await getJson(`/api/i18n/public?lang=${lang}`);
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-label]").forEach(el => { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); });
    const sw = document.getElementById("lang-switch");
    if (sw) {
      const other = new URLSearchParams(location.search);
      if (lang === "en") other.delete("lang"); else other.set("lang", "en");
      const query = other.toString();
      sw.href = location.pathname + (query ? `?${query}` : "");
      sw.textContent = t("LangSwitch");
      sw.setAttribute("aria-label", t("LangSwitchLabel"));
      sw.lang = lang === "en" ? "zh-CN" : "en";
    }
  }

  async function getJson(url, options) {
    const response = await fetch(url, {
      credentials: "same-origin",
      ...options,
      headers: { "Accept": "application/json", "Accept-Language": lang, ...(options?.headers || {}) },
    });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      const error = new Error(problem?.detail || problem?.title || response.statusText);
      error.status = response.status;
      throw error;
    }
    const text = await response.text(); // sign-in with a cookie answers 200 with no body
    return text ? JSON.parse(text) : null;
  }

  function postJson(url, body) {
    return getJson(url, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  }

  // Every time a person reads is in the hall's zone (P4), whatever the browser's: set from GET /api/halls.
  let timeZone;
  function useTimeZone(id) {
    try { if (id) { new Intl.DateTimeFormat(lang, { timeZone: id }); timeZone = id; } } catch { /* unknown zone: the browser's */ }
  }

  /** Hours and minutes of a UTC instant (ISO text, or now when omitted) in the hall's zone. */
  function formatTime(iso) {
    const d = iso ? new Date(iso.endsWith("Z") ? iso : `${iso}Z`) : new Date(); // the API sends UTC
    return new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(d);
  }

  /**
   * Connects to the hall hub and keeps connected: automatic reconnect for short drops, then a retry
   * loop for as long as it takes (a server restart ends the automatic one). onConnected runs after
   * every (re)connection, so the page re-reads what it may have missed.
   */
  /**
   * Every message the hall hub sends to a hall's group (IHallClient in Realtime/HallHub.cs). A page that
   * has no use for one still registers it, so the SignalR client never warns "No client method …".
   */
  const hallEvents = ["TicketIssued", "TicketCalled", "TicketChanged", "QueueChanged", "AlertRaised", "AlertCleared"];

  /**
   * A phone passes its ticket: it then receives its ticket's call and its item's queue, not all of the hall.
   * The connection's close() ends it for good (a phone whose ticket was transferred follows the new one).
   */
  function connectHall(hallId, handlers, onConnected, ticketId) {
    const banner = document.getElementById("offline");
    const follow = ticketId ? `&ticketId=${encodeURIComponent(ticketId)}` : "";
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`/hubs/hall?hallId=${encodeURIComponent(hallId)}${follow}`)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    for (const [name, handler] of Object.entries(handlers)) connection.on(name, handler);
    for (const name of hallEvents.filter(e => !(e in handlers))) connection.on(name, () => {});
    // The state is also on <body data-connection> so that tests and kiosk watchdogs can see it.
    const setOnline = online => {
      if (banner) banner.hidden = online;
      document.body.dataset.connection = online ? "connected" : "reconnecting";
    };
    // The hub answers Ready once this connection follows the hall; only then is the page's re-read complete.
    const ready = async () => {
      // A connection that dropped again is being restarted by its own handlers, which show it offline.
      try { await connection.invoke("Ready"); } catch { return; }
      setOnline(true);
      onConnected?.();
    };
    connection.onreconnecting(() => setOnline(false));
    connection.onreconnected(ready);
    let closed = false;
    connection.onclose(() => { if (closed) return; setOnline(false); start(); });
    async function start() {
      for (let delay = 1000; ; delay = Math.min(delay * 2, 15000)) {
        try {
          await connection.start();
          await ready();
          return;
        } catch {
          setOnline(false);
          await new Promise(resolve => setTimeout(resolve, delay));
        }
      }
    }
    start();
    return { close: () => { closed = true; return connection.stop(); } };
  }

  /** The id in /kiosk/{id}, /t/{id}, /display/{id}. */
  const routeId = () => decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] || "");

  return { lang, t, loadStrings, getJson, postJson, formatTime, useTimeZone, connectHall, routeId, hallEvents };
})();
