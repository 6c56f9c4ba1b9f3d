// The citizens' online complaint form (/complain/{hallId}) and its tracking page (/complain/track/{code}).
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const parts = location.pathname.split("/");
  const tracking = parts[2] === "track" ? parts[3] : null;
  const suffix = Rating.lang === "en" ? "?lang=en" : "";

  async function showTracking(code) {
    const c = await Rating.call(`/api/complaints/track/${code}`);
    $("complaint").hidden = true;
    $("tracking").hidden = false;
    $("received").textContent = Rating.t("ComplainReceived", c.number, c.replyDue);
    $("status").textContent = Rating.t(`Status_${c.status}`);
    $("reply").textContent = c.reply ?? Rating.t("ComplainNoReply");
  }

  $("anonymous").addEventListener("change", () => { $("named").hidden = $("anonymous").checked; });
  $("complaint").addEventListener("submit", async event => {
    event.preventDefault();
    const anonymous = $("anonymous").checked;
    try {
      const receipt = await Rating.post(`/api/halls/${parts[2]}/complaints/online`, {
        title: $("title").value, content: $("content").value, anonymous,
        complainantName: anonymous ? null : $("name").value, contactPhone: anonymous ? null : $("phone").value,
      });
      history.replaceState(null, "", `/complain/track/${receipt.trackingCode}${suffix}`);
      await showTracking(receipt.trackingCode);
    } catch (e) {
      $("error").textContent = e.message;
      $("error").hidden = false;
    }
  });

  if (Rating.lang === "en") $("lang-switch").href = location.pathname;
  Rating.loadStrings().then(() => tracking ? showTracking(tracking) : ($("complaint").hidden = false));
})();
