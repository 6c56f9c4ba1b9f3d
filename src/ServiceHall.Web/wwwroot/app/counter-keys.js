// Keyboard shortcuts of the counter workstation (F1 call next, F2 recall, …). The browser's own use of
// these keys (help, address bar) is suppressed while the page is open; nothing fires while a dialog is open.
const keys = new Set(["F1", "F2", "F3", "F4", "F6", "F7", "F8"]);

export function register(dotnet) {
    const onKeyDown = event => {
        if (!keys.has(event.key) || event.altKey || event.ctrlKey || event.metaKey)
            return;
        event.preventDefault();
        if (event.repeat || document.querySelector(".mud-dialog-container"))
            return;
        dotnet.invokeMethodAsync("OnShortcut", event.key);
    };
    document.addEventListener("keydown", onKeyDown);
    return { dispose: () => document.removeEventListener("keydown", onKeyDown) };
}
