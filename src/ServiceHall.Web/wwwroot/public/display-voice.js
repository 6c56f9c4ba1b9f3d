// The display's voice (Q4): a chime, then the call in its item's words (请A001号到3号窗口办理, …取药) twice, one call after another.
// A Chinese browser voice speaks when there is one; otherwise recorded clips from /audio/zh-CN/ are joined
// in order (Linux Chromium usually has no Chinese voice). With neither, the screen says so.
"use strict";

const DisplayVoice = (() => {
  const clipBase = "/audio/zh-CN/";
  const words = [["窗口", "chuangkou"], ["办理", "banli"], ["取药", "quyao"], ["就诊", "jiuzhen"], ["缴费", "jiaofei"], ["售票", "shoupiao"],
    ["请", "qing"], ["号", "hao"], ["到", "dao"]];
  const letters = "abcdefghijklmnopqrstuvwxyz".split("");
  const digits = "0123456789".split("");
  /** Every clip the page may need; all are loaded at start so a missing one shows before the first call. */
  const allClips = ["chime", ...words.map(w => w[1]), "shi", "bai", ...digits, ...letters];

  /** 3 → 三, 12 → 十二, 40 → 四十, 105 → 一百零五: counter numbers are read as numbers. */
  function numberClips(text) {
    const n = Number(text);
    if (!Number.isInteger(n) || n > 999 || text.length > 3) return text.split("");
    const [h, t, o] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
    if (n < 10) return [String(n)];
    if (n < 20) return ["shi", ...(o ? [String(o)] : [])];
    if (n < 100) return [String(t), "shi", ...(o ? [String(o)] : [])];
    const rest = n % 100;
    if (rest === 0) return [String(h), "bai"];
    if (rest < 10) return [String(h), "bai", "0", String(o)];
    return [String(h), "bai", String(t), "shi", ...(o ? [String(o)] : [])];
  }

  /**
   * The clips that say <paramref name="text"/>, or null when a word has no clip. A ticket number (letters
   * then digits, A001) is read digit by digit, as halls call it; other numbers as numbers.
   */
  function sequence(text) {
    const s = String(text).replace(/\s+/g, "");
    const out = [];
    for (let i = 0; i < s.length;) {
      const word = words.find(([w]) => s.startsWith(w, i));
      if (word) { out.push(word[1]); i += word[0].length; continue; }
      if (/[A-Za-z]/.test(s[i])) {
        while (i < s.length && /[A-Za-z0-9]/.test(s[i])) out.push(s[i++].toLowerCase());
        continue;
      }
      if (/[0-9]/.test(s[i])) {
        let j = i;
        while (j < s.length && /[0-9]/.test(s[j])) j++;
        out.push(...numberClips(s.slice(i, j)));
        i = j;
        continue;
      }
      return null;
    }
    return out;
  }

  /** The clips of a call: its announcement when every word has a clip, else the standard wording. */
  function callClips(call) {
    return sequence(call.announcement) ?? sequence(`请${call.number}号到${call.counterNumber}号窗口办理`);
  }

  const wait = ms => new Promise(resolve => setTimeout(resolve, ms));

  function create({ onUnavailable }) {
    const queue = [];
    let busy = false, mode = "starting", zhVoice = null;
    let audio = null;
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch { audio = null; }
    const buffers = new Map();

    // What was played and when, for the browser tests and for a technician at the screen's console.
    const spoken = window.hallDisplaySpoken = [];
    const played = window.hallDisplayAudio = [];

    function chineseVoice() {
      if (!("speechSynthesis" in window)) return Promise.resolve(null);
      const pick = () => {
        const voices = speechSynthesis.getVoices().filter(v => /^(zh|cmn)/i.test(v.lang.replace("_", "-")));
        return voices.find(v => /^(zh-CN|cmn)/i.test(v.lang.replace("_", "-"))) ?? voices[0] ?? null;
      };
      const now = pick();
      if (now || speechSynthesis.getVoices().length) return Promise.resolve(now);
      // Chromium fills the list a moment after the page loads.
      return new Promise(resolve => {
        const done = () => resolve(pick());
        speechSynthesis.addEventListener("voiceschanged", done, { once: true });
        setTimeout(done, 1500);
      });
    }

    async function loadClips() {
      if (!audio) throw new Error("no Web Audio");
      await Promise.all(allClips.map(async name => {
        const response = await fetch(`${clipBase}${name}.ogg`);
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        buffers.set(name, await audio.decodeAudioData(await response.arrayBuffer()));
      }));
    }

    async function start() {
      zhVoice = await chineseVoice();
      if (zhVoice) {
        mode = "voice";
      } else {
        try {
          await loadClips();
          mode = "clips";
        } catch {
          mode = "none";
          onUnavailable?.();
        }
      }
      document.body.dataset.voice = mode;
      drain();
      return mode;
    }

    function oscillatorChime() {
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

    /** Plays clips back to back, without gaps between the files; resolves when the last one ends. */
    function playClips(names) {
      const list = names.map(n => buffers.get(n)).filter(Boolean);
      const total = list.reduce((sum, b) => sum + b.duration + 0.04, 0);
      // A suspended context (no click yet, see the button) plays nothing; the queue keeps its pace.
      if (!audio || audio.state !== "running") return wait(total * 1000);
      let at = audio.currentTime + 0.05;
      for (const buffer of list) {
        const source = audio.createBufferSource();
        source.buffer = buffer;
        source.connect(audio.destination);
        source.start(at);
        at += buffer.duration + 0.04;
      }
      return wait((at - audio.currentTime) * 1000);
    }

    function speakWithVoice(text) {
      return new Promise(resolve => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        utterance.voice = zhVoice;
        // Some engines never fire "end"; a generous timeout keeps the queue moving.
        const timer = setTimeout(resolve, 1500 + text.length * 400);
        utterance.onend = utterance.onerror = () => { clearTimeout(timer); resolve(); };
        speechSynthesis.speak(utterance);
      });
    }

    async function chime() {
      const entry = { kind: "chime", start: performance.now(), end: 0 };
      played.push(entry);
      await (mode === "clips" ? playClips(["chime"]) : oscillatorChime());
      entry.end = performance.now();
    }

    async function say(call) {
      const text = call.announcement;
      const clips = mode === "clips" ? callClips(call) : null;
      const entry = { kind: mode === "clips" ? "clips" : "speech", text, clips, start: performance.now(), end: 0 };
      spoken.push(entry);
      played.push(entry);
      await (mode === "clips" ? playClips(clips) : speakWithVoice(text));
      entry.end = performance.now();
    }

    async function drain() {
      if (busy || mode === "starting") return;
      busy = true;
      while (queue.length) {
        const call = queue.shift();
        if (mode === "none") continue; // the warning is on screen; the call is still shown
        await chime();
        await say(call);
        await wait(600);
        await say(call);
        await wait(800);
      }
      busy = false;
    }

    function enqueue(call) { queue.push(call); drain(); }

    // Browsers start audio only after a gesture; a display PC runs Chromium with
    // --autoplay-policy=no-user-gesture-required, otherwise one click on the page's button suffices.
    function needsGesture() { return audio && audio.state === "suspended"; }
    async function unlock() { if (audio) await audio.resume(); }

    return { start, enqueue, needsGesture, unlock, mode: () => mode };
  }

  return { create, sequence, callClips, allClips };
})();
