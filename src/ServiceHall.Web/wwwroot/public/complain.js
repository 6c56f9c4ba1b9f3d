// The citizens' online complaint form (/complain/{hallId}) with its look-up by number and phone, and the
// tracking page (/complain/track/{code}): the promise until the reply, then the reply and its date.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const parts = location.pathname.split("/");
  const tracking = parts[2] === "track" ? parts[3] : null;
  const hallId = tracking ? null : parts[2];
  const suffix = Rating.lang === "en" ? "?lang=en" : "";

  /** A DateOnly from the API (yyyy-MM-dd) in the page's language: the hall's day, no zone shift. */
  function day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(Rating.lang, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
  }

  async function showTracking(code, justFiled) {
    const c = await Rating.call(`/api/complaints/track/${code}`);
    $("complaint").hidden = true;
    $("find").hidden = true;
    $("tracking").hidden = false;
    document.title = `${c.number} · ${Rating.t("ComplainTrackTitle")}`;
    $("tracking-number").textContent = c.number;
    $("status").textContent = Rating.t(`Status_${c.status}`);
    const replied = c.reply != null;
    // Once replied, the reply replaces the promise.
    $("received").textContent = replied ? "" : justFiled ? Rating.t("ComplainReceived", c.number, day(c.replyDue)) : Rating.t("ComplainPromise", day(c.replyDue));
    $("received").hidden = replied;
    $("reply-block").hidden = !replied;
    $("reply").textContent = c.reply ?? "";
    $("replied-on").textContent = c.repliedOn ? Rating.t("ComplainRepliedOn", day(c.repliedOn)) : "";
    $("keep").hidden = replied;
    $("tracking-title").focus();
  }

  $("anonymous").addEventListener("change", () => { $("named").hidden = $("anonymous").checked; });
  $("complaint").addEventListener("submit", async event => {
    event.preventDefault();
    const anonymous = $("anonymous").checked;
    try {
      const receipt = await Rating.post(`/api/halls/${hallId}/complaints/online`, {
        title: $("title").value, content: $("content").value, anonymous,
        complainantName: anonymous ? null : $("name").value, contactPhone: anonymous ? null : $("phone").value,
      });
      history.replaceState(null, "", `/complain/track/${receipt.trackingCode}${suffix}`);
      await showTracking(receipt.trackingCode, true);
    } catch (e) {
      $("error").textContent = e.message;
      $("error").hidden = false;
    }
  });
  $("find").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const found = await Rating.post(`/api/halls/${hallId}/complaints/find`, { number: $("find-number").value, phone: $("find-phone").value });
      history.pushState(null, "", `/complain/track/${found.trackingCode}${suffix}`);
      await showTracking(found.trackingCode, false);
    } catch (e) {
      $("find-error").textContent = e.message;
      $("find-error").hidden = false;
    }
  });
  addEventListener("popstate", () => location.reload());

  if (Rating.lang === "en") $("lang-switch").href = location.pathname;
  Rating.loadStrings().then(async () => {
    if (tracking) {
      try { await showTracking(tracking, false); } catch (e) {
        $("tracking").hidden = false;
        $("received").textContent = e.message;
      }
    } else {
      $("complaint").hidden = false;
      $("find").hidden = false;
    }
  });
})();
