import { translator } from '../i18n/catalogs.js';

/** The small server-rendered pages of the unsubscribe link: no scripts, no external assets (helmet's CSP). */

export interface PageContent {
  /** The page's language (`<html lang>`), the one its words are in. */
  lang: string;
  title: string;
  message: string;
  /** A POST button to the current URL (the one-click form), when set. */
  formButton?: string;
  /** Where the button posts instead (relative, e.g. `<token>/undo`); such a form is not the one-click form. */
  formAction?: string;
  /** Where the "Open FlashNotify" link points. */
  appUrl: string;
}

const STYLE = `
body{margin:0;padding:48px 16px;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2328}
main{max-width:480px;margin:0 auto;background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:24px}
h1{font-size:20px;margin:0 0 12px}p{line-height:1.5;margin:0 0 16px}
button{font:inherit;font-weight:600;background:#0969da;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}
a{color:#0969da}`;

/**
 * A complete HTML page; every value is escaped.
 *
 * @example
 * res.send(renderPage({ lang: 'en', title: 'Unsubscribe', message: 'You will stop receiving Billing emails.', formButton: 'Unsubscribe', appUrl }));
 */
export function renderPage(content: PageContent): string {
  // No `action` (or a relative one): the form posts to the page's own URL, whatever host or proxy path served it.
  const button = content.formButton ? `<button type="submit">${escapeHtml(content.formButton)}</button>` : '';
  const form = !button
    ? ''
    : content.formAction
      ? `<form method="post" action="${escapeHtml(content.formAction)}">${button}</form>`
      : `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">${button}</form>`;
  const { t } = translator(content.lang);
  const app = t('app.name');
  return `<!doctype html>
<html lang="${escapeHtml(content.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(content.title)} · ${escapeHtml(app)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(content.title)}</h1>
<p>${escapeHtml(content.message)}</p>
${form}
<p><a href="${escapeHtml(content.appUrl)}">${escapeHtml(t('page.openApp', { app }))}</a></p>
</main></body>
</html>
`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
