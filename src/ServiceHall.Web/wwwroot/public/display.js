// Display (叫号大屏, Q4): current call per counter, the last calls, waiting per item, notice line;
// every call shown at once and announced by voice — a chime, then the words twice — one call after another.
"use strict";

(async () => {
  const { t, getJson, connectHall, routeId, lang } = Hall;
  const $ = id => document.getElementById(id);
  const hallId = routeId();
  const storeKey = `servicehall.display.${hallId}`;
  const today = () => new Date().toDateString();
  let counters = [];
  // The last calls are kept for the day so a reload keeps the list; current calls come from the server.
  let state = { day: today(), current: {}, recent: [] };
  try {
    const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
    if (saved && saved.day === today()) state = saved;
  } catch { /* start empty */ }

  function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }

  function renderCounters(newestCounter) {
    const root = $("counters");
    root.replaceChildren();
    for (const c of counters) {
      const card = document.createElement("div");
      card.className = "counter" + (c.number === newestCounter ? " newest" : "");
      card.dataset.counter = String(c.number);
      card.setAttribute("role", "group");
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = t("DisplayCounter", c.number);
      const name = document.createElement("small");
      name.textContent = c.name;
      // Counters named just "3号窗口" would say it twice.
      if (c.name.replace(/\s/g, "") !== label.textContent.replace(/\s/g, "")) label.append(name);
      const current = document.createElement("span");
      const number = state.current[c.number];
      current.className = "current" + (number ? "" : " idle");
      current.textContent = number || "—";
      card.setAttribute("aria-label", `${t("DisplayCounter", c.number)} ${number || ""}`.trim());
      card.append(label, current);
      root.append(card);
    }
  }

  function renderRecent() {
    const root = $("recent");
    root.replaceChildren();
    state.recent.slice(0, 8).forEach((call, index) => {
      const li = document.createElement("li");
      if (index === 0) li.className = "newest";
      const num = document.createElement("span");
      num.className = "num";
      num.textContent = call.number;
      const where = document.createElement("span");
      where.textContent = t("DisplayCounter", call.counterNumber) + (call.isRecall ? ` · ${t("DisplayRecall")}` : "");
      li.append(num, where);
      root.append(li);
    });
    $("no-calls").hidden = state.recent.length > 0;
  }

  function renderWaiting(overview) {
    const root = $("waiting");
    root.replaceChildren();
    for (const item of overview.items) {
      const li = document.createElement("li");
      li.textContent = `${item.prefix} ${item.name}`;
      const b = document.createElement("b");
      b.textContent = t("DisplayPeople", item.waiting);
      li.append(b);
      root.append(li);
    }
  }

  function onCall(call) {
    state.current[call.counterNumber] = call.number;
    state.recent.unshift({ number: call.number, counterNumber: call.counterNumber, isRecall: call.isRecall, announcement: call.announcement });
    state.recent = state.recent.slice(0, 20);
    save();
    renderCounters(call.counterNumber);
    renderRecent();
    $("announce").textContent = lang === "en" ? t("DisplayPleaseGo", call.number, call.counterNumber) : call.announcement;
    voice.enqueue(call.announcement);
  }

  // ---- voice: one queue, so calls that arrive together never talk over each other ----
  const voice = (() => {
    const queue = [];
    let busy = false, audio = null;
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch { audio = null; }

    function chime() {
      if (!audio || audio.state !== "running") return wait(300);
      const now = audio.currentTime;
      [[880, 0], [660, 0.35]].forEach(([freq, at]) => {
        const osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + at);
        gain.gain.exponentialRampToValueAtTime(0.4, now + at + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.32);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + at);
        osc.stop(now + at + 0.34);
      });
      return wait(800);
    }

    // What was said and when, for the browser tests and for a technician at the screen's console.
    const spoken = window.hallDisplaySpoken = [];

    async function speak(text) {
      const entry = { text, start: performance.now(), end: 0 };
      spoken.push(entry);
      await say(text);
      entry.end = performance.now();
    }

    function say(text) {
      if (!("speechSynthesis" in window)) return wait(2500);
      return new Promise(resolve => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        const zh = speechSynthesis.getVoices().find(v => v.lang.replace("_", "-").startsWith("zh"));
        if (zh) utterance.voice = zh;
        // Some engines never fire "end"; a generous timeout keeps the queue moving.
        const timer = setTimeout(resolve, 1500 + text.length * 400);
        utterance.onend = utterance.onerror = () => { clearTimeout(timer); resolve(); };
        speechSynthesis.speak(utterance);
      });
    }

    const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

    async function drain() {
      if (busy) return;
      busy = true;
      while (queue.length) {
        const text = queue.shift();
        await chime();
        await speak(text);
        await wait(600);
        await speak(text);
        await wait(800);
      }
      busy = false;
    }

    function enqueue(text) { queue.push(text); drain(); }

    // Browsers start audio only after a gesture; a display PC runs Chromium with
    // --autoplay-policy=no-user-gesture-required, otherwise one click on this button suffices.
    function needsGesture() { return audio && audio.state === "suspended"; }
    async function unlock() { if (audio) await audio.resume(); }
    return { enqueue, needsGesture, unlock };
  })();

  function tick() {
    $("clock").textContent = new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  async function refresh() {
    try {
      const [list, overview] = await Promise.all([
        getJson(`/api/halls/${hallId}/counters`), getJson(`/api/halls/${hallId}/queue`)]);
      counters = list.filter(c => c.inService);
      // The server knows what each counter has called now; it overrides what this screen remembered.
      state.current = Object.fromEntries(counters.filter(c => c.currentTicketNumber).map(c => [c.number, c.currentTicketNumber]));
      save();
      renderCounters();
      renderWaiting(overview);
    } catch { /* retried on the next reconnect */ }
  }

  await Hall.loadStrings();
  const halls = await getJson("/api/halls");
  const hall = halls.find(h => h.id === hallId);
  $("hall-name").textContent = hall ? hall.name : "";
  document.title = `${t("DisplayTitle")} · ${hall ? hall.name : ""}`;
  if (hall?.noticeLine) { $("notice").textContent = hall.noticeLine; $("notice").hidden = false; }
  tick();
  setInterval(tick, 10000);
  const last = state.recent[0];
  if (last) $("announce").textContent = lang === "en" ? t("DisplayPleaseGo", last.number, last.counterNumber) : last.announcement || "";
  renderRecent();
  await refresh();
  if (voice.needsGesture()) {
    $("enable-sound").hidden = false;
    $("enable-sound").addEventListener("click", async () => { await voice.unlock(); $("enable-sound").hidden = true; });
  }
  connectHall(hallId, {
    TicketCalled: onCall,
    QueueChanged: renderWaiting,
  }, refresh);
})();
