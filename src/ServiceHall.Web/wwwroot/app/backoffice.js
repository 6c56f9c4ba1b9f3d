// One click from an alert to its cause: the item row or the counter row comes into view and takes focus.
export function reveal(elementId) {
  const element = document.getElementById(elementId);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}
