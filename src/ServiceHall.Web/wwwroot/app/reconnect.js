// The reload link of Blazor's lost-connection notice (App.razor); a file, since the pages run no inline script.
"use strict";
document.addEventListener("click", event => {
  const link = event.target instanceof Element ? event.target.closest("a[data-reload]") : null;
  if (!link) return;
  event.preventDefault();
  location.reload();
});
