// Printable documents: the print button, and the print dialog at once when the counter asked for it (?print=1).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) button.addEventListener("click", () => window.print());
});
window.addEventListener("load", () => {
  if (document.body.hasAttribute("data-print-on-load")) window.print();
});
