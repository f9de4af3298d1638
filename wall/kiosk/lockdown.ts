// The kiosk's lockdown, installed before the wall mounts: nothing on the wall may open a dialog,
// a menu, a new window or a browser panel, whatever a library or a stray key does. The cursor,
// selection and dragging are off in kiosk.css. An edge: it patches window and listens on it.
import './kiosk.css';
import { isBrowserShortcut } from './shortcuts.ts';

function blocked(what: string): void {
  console.warn(JSON.stringify({ wall: 'kiosk', event: 'blocked', what }));
}

export function lockDown(): void {
  window.alert = () => blocked('alert');
  window.confirm = () => {
    blocked('confirm');
    return false;
  };
  window.prompt = () => {
    blocked('prompt');
    return null;
  };
  window.print = () => blocked('print');
  window.open = () => {
    blocked('open');
    return null;
  };
  const prevent = (event: Event) => event.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'dragover', 'drop']) window.addEventListener(type, prevent, { capture: true });
  // Links would navigate away from the wall or open a window.
  window.addEventListener('click', (event) => (event.target as Element | null)?.closest?.('a[href]') && event.preventDefault(), { capture: true });
  window.addEventListener('auxclick', prevent, { capture: true });
  // Ctrl+wheel would zoom the page off the wall's layout.
  window.addEventListener('wheel', (event) => event.ctrlKey && event.preventDefault(), { capture: true, passive: false });
  window.addEventListener('keydown', (event) => isBrowserShortcut(event) && event.preventDefault(), { capture: true });
  // A "leave site?" question on the self-reload would stop the wall until someone answers it.
  window.addEventListener('beforeunload', (event) => event.stopImmediatePropagation(), { capture: true });
}
