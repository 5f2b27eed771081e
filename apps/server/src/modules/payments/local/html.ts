/** The frame of the server-rendered pages. */
import { escapeHtml } from '../../../platform/html';

/*
 * Self-contained styles (no external assets; the CSP allows inline styles, never scripts).
 * Contrast meets WCAG AA; targets are at least 44 px; the layout is one column on phones.
 */
const STYLES = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f5f2;color:#1a1a1a;line-height:1.5}
main{max-width:32rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;margin:1rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.amount{font-size:2rem;font-weight:700;margin:.25rem 0}
.muted{color:#555}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
input{width:100%;min-height:44px;padding:.6rem .75rem;font:inherit;border:1px solid #767676;border-radius:8px;background:#fff;color:#1a1a1a}
input:focus,button:focus,a:focus{outline:3px solid #1d4ed8;outline-offset:2px}
input[aria-invalid=true]{border-color:#b42318}
.field-error{color:#b42318;margin:.25rem 0 0;font-size:.95rem}
.alert{border-left:4px solid #b42318;background:#fef3f2;padding:.75rem 1rem;border-radius:8px}
.notice{border-left:4px solid #1d4ed8;background:#eff4ff;padding:.75rem 1rem;border-radius:8px}
.demo-banner{background:#7a2e00;color:#fff;padding:.75rem 1rem;border-radius:8px;margin:0 0 1rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button,.button{min-height:44px;padding:.7rem 1.25rem;font:inherit;font-weight:600;border-radius:8px;border:2px solid #111;cursor:pointer;text-decoration:none;display:inline-block;text-align:center}
.primary{background:#111;color:#fff;flex:1 1 12rem}
.secondary{background:#fff;color:#111;flex:1 1 8rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem;margin:0}
dt{color:#555}dd{margin:0;font-weight:600}
`;

/** The document frame of every page, in the language its text is written in (`lang`, English by default). */
export function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>`;
}
