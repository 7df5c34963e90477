/**
 * The custom element's shadow styles. Hosts theme it with the public custom properties (README →
 * Embeddable inbox): each is read once into a private `--_x` with the light default, then the dark defaults
 * replace the fallbacks under `prefers-color-scheme: dark` (unless `theme="light"`) or `theme="dark"`.
 * Default colours keep WCAG AA contrast (4.5:1 for text) in both themes.
 */
const LIGHT = `
  --_accent: var(--fn-accent, #1d4ed8);
  --_accent-fg: var(--fn-accent-fg, #ffffff);
  --_bg: var(--fn-bg, #ffffff);
  --_fg: var(--fn-fg, #111827);
  --_muted: var(--fn-muted, #4b5563);
  --_border: var(--fn-border, #d1d5db);
  --_unread-bg: var(--fn-unread-bg, #eff6ff);
  --_hover-bg: var(--fn-hover-bg, #f3f4f6);
  --_badge-bg: var(--fn-badge-bg, #b91c1c);
  --_badge-fg: var(--fn-badge-fg, #ffffff);
`;

const DARK = `
  --_accent: var(--fn-accent, #93c5fd);
  --_accent-fg: var(--fn-accent-fg, #0b1220);
  --_bg: var(--fn-bg, #111827);
  --_fg: var(--fn-fg, #f3f4f6);
  --_muted: var(--fn-muted, #9ca3af);
  --_border: var(--fn-border, #374151);
  --_unread-bg: var(--fn-unread-bg, #1e293b);
  --_hover-bg: var(--fn-hover-bg, #1f2937);
  --_badge-bg: var(--fn-badge-bg, #f87171);
  --_badge-fg: var(--fn-badge-fg, #111827);
`;

export const ELEMENT_CSS = `
:host {
  ${LIGHT}
  --_radius: var(--fn-radius, 8px);
  --_font: var(--fn-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  --_width: var(--fn-panel-width, 380px);
  --_z: var(--fn-z-index, 1000);
  position: relative;
  display: inline-block;
  font-family: var(--_font);
  font-size: 14px;
  line-height: 1.4;
  color: var(--_fg);
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme='light'])) { ${DARK} }
}
:host([theme='dark']) { ${DARK} }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

.bell {
  position: relative; display: inline-flex; align-items: center; gap: 5px;
  min-width: 36px; height: 36px; padding: 0 9px;
  border: 1px solid transparent; border-radius: var(--_radius);
  background: transparent; color: var(--fn-bell-color, currentColor); cursor: pointer;
}
.bell:hover, .bell[aria-expanded='true'] { background: var(--_hover-bg); color: var(--_fg); }
.bell svg { width: 18px; height: 18px; }
.badge {
  min-width: 18px; height: 18px; padding: 0 5px; border-radius: 999px;
  background: var(--_badge-bg); color: var(--_badge-fg);
  font-size: 11px; font-weight: 700; line-height: 18px; text-align: center;
  font-variant-numeric: tabular-nums;
}
.badge[hidden] { display: none; }
.dot-offline {
  position: absolute; right: 3px; bottom: 3px; width: 8px; height: 8px; border-radius: 50%;
  background: var(--_muted); border: 1px solid var(--_bg);
}
.dot-offline[hidden] { display: none; }

.panel {
  position: absolute; right: 0; top: calc(100% + 8px); z-index: var(--_z);
  width: var(--_width); max-width: calc(100vw - 16px);
  border: 1px solid var(--_border); border-radius: calc(var(--_radius) + 4px);
  background: var(--_bg); color: var(--_fg);
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.18); overflow: hidden; outline: none;
}
.panel[hidden] { display: none; }
.header {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 10px 14px; border-bottom: 1px solid var(--_border);
}
.title { margin: 0; font-size: 14px; font-weight: 600; }
.status { margin: 0; font-size: 12px; color: var(--_muted); }
.status[hidden] { display: none; }
.link-button {
  border: 0; background: none; padding: 4px 6px; border-radius: 4px;
  color: var(--_accent); font-size: 13px; cursor: pointer;
}
.link-button:hover { text-decoration: underline; }
.link-button:disabled { color: var(--_muted); cursor: default; text-decoration: none; }
.body { max-height: var(--fn-panel-max-height, 440px); overflow-y: auto; }
.message { margin: 0; padding: 24px 16px; text-align: center; color: var(--_muted); }
.message[hidden] { display: none; }
.list { list-style: none; margin: 0; padding: 0; }
.item {
  display: flex; gap: 10px; padding: 10px 14px; border-bottom: 1px solid var(--_border);
}
.item[data-read='false'] { background: var(--_unread-bg); }
.item-dot { flex: none; width: 8px; height: 8px; margin-top: 6px; border-radius: 50%; background: transparent; }
.item[data-read='false'] .item-dot { background: var(--_accent); }
.item-main { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; color: inherit; text-decoration: none; }
a.item-main:hover .item-title { text-decoration: underline; }
.item-title { font-weight: 500; overflow-wrap: anywhere; }
.item[data-read='false'] .item-title { font-weight: 700; }
.item-text { color: var(--_fg); overflow-wrap: anywhere; white-space: pre-line; }
.item-text:empty { display: none; }
.item-meta { font-size: 12px; color: var(--_muted); }
.item-icon { flex: none; width: 28px; height: 28px; border-radius: 50%; object-fit: cover; }
.item-icon[hidden] { display: none; }
.item-body { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.item-buttons { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.item-buttons[hidden] { display: none; }
.action-button {
  display: inline-flex; align-items: center; padding: 3px 10px; border-radius: 6px; font: inherit; font-size: 12px;
  font-weight: 500; text-decoration: none; cursor: pointer;
  border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
}
.action-button--primary { background: var(--_accent); color: var(--_bg); }
.action-button:disabled { opacity: 0.55; cursor: default; }
.action-button--taken:disabled { opacity: 1; }
.item-acted { font-size: 12px; font-weight: 600; color: var(--_fg); }
.item-actions { flex: none; display: flex; flex-direction: column; align-items: flex-end; gap: 2px; }
.item-actions .link-button { font-size: 12px; }
.footer { padding: 8px; text-align: center; }
.footer[hidden] { display: none; }
.notice-row { display: flex; align-items: center; gap: 8px; background: var(--_unread-bg); }
.notice-row[data-shown='true'] { padding: 6px 10px 6px 14px; border-bottom: 1px solid var(--_border); }
.notice { flex: 1; margin: 0; color: var(--_fg); font-size: 13px; }
.notice-row .link-button { font-weight: 600; }
.search-row { padding: 8px 14px; border-bottom: 1px solid var(--_border); }
.search-row[hidden], [hidden].link-button { display: none; }
.search {
  width: 100%; padding: 6px 10px; border: 1px solid var(--_border); border-radius: var(--_radius);
  background: var(--_bg); color: var(--_fg); font: inherit; font-size: 13px;
}
.search::placeholder { color: var(--_muted); opacity: 1; }
.item-more { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 4px; }
.item-more[hidden] { display: none; }
.item-more .link-button { font-size: 12px; padding: 2px 6px; }
.item-snooze { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 2px; }
.item-more-label { font-size: 12px; color: var(--_muted); padding-left: 6px; }
.item-pinned {
  display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 999px;
  border: 1px solid var(--_border); color: var(--_fg); font-size: 11px; font-weight: 600;
}
.item-pinned[hidden] { display: none; }

.toasts {
  position: absolute; right: 0; top: calc(100% + 8px); z-index: var(--_z);
  width: var(--fn-toast-width, 340px); max-width: calc(100vw - 16px); pointer-events: none;
}
.toasts[hidden] { display: none; }
.toast {
  pointer-events: auto; display: flex; align-items: flex-start; gap: 8px;
  margin-bottom: 8px; padding: 10px 8px 10px 12px;
  border: 1px solid var(--_border); border-radius: calc(var(--_radius) + 2px);
  background: var(--_bg); color: var(--_fg); box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
}
.toast--high, .toast--critical { border-left: 4px solid var(--_badge-bg); }
@media (prefers-reduced-motion: no-preference) {
  .toast { animation: fn-toast-in 160ms ease-out; }
  @keyframes fn-toast-in { from { opacity: 0; transform: translateY(-4px); } }
}
.toast-main {
  flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; padding: 0;
  border: 0; background: none; color: inherit; text-align: start; text-decoration: none; cursor: pointer;
}
a.toast-main:hover .toast-title, button.toast-main:hover .toast-title { text-decoration: underline; }
.toast-title { font-weight: 600; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.toast-text { color: var(--_muted); overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; overflow: hidden; }
.toast-close {
  flex: none; width: 24px; height: 24px; padding: 0; border: 0; border-radius: 4px;
  background: none; color: var(--_muted); font-size: 18px; line-height: 1; cursor: pointer;
}
.toast-close:hover { background: var(--_hover-bg); color: var(--_fg); }
`;
