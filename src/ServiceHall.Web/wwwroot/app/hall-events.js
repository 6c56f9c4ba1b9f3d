// Relays one hall's SignalR events (/hubs/hall) to a Blazor component, so a signed-in page updates
// live through the same hub and Redis backplane as the displays. Reconnects by itself, also when the
// server was away longer than SignalR's own retry schedule.
let signalRLoading;

function loadSignalR() {
  if (window.signalR) return Promise.resolve();
  signalRLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/signalr/signalr.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  });
  return signalRLoading;
}

export async function connect(hallId, component, events) {
  await loadSignalR();
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`/hubs/hall?hallId=${encodeURIComponent(hallId)}`)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10000, 1000 * (ctx.previousRetryCount + 1)) })
    .build();
  const tell = name => component.invokeMethodAsync('OnHallEvent', name).catch(() => { /* the page is gone */ });
  for (const name of events) connection.on(name, () => tell(name));
  // Whatever happened while away is read again once back.
  connection.onreconnected(() => tell('Reconnected'));
  const handle = { connection, stopped: false };
  const start = async () => {
    while (!handle.stopped) {
      try {
        await connection.start();
        return;
      } catch {
        await new Promise(r => setTimeout(r, 3000));
      }
    }
  };
  connection.onclose(() => { if (!handle.stopped) start().then(() => tell('Reconnected')); });
  await start();
  return handle;
}

export async function disconnect(handle) {
  if (!handle) return;
  handle.stopped = true;
  await handle.connection.stop();
}

export function reveal(elementId) {
  const element = document.getElementById(elementId);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}
