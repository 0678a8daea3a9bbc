/**
 * The dashboard's HTML around its sections: the document shell, the sign-in page and the filter
 * form. Every text from outside (store and device names, queries, product titles) is escaped.
 */
import type { StoreRecord } from '../../../shared/catalog/types.js';
import { escapeHtml } from '../../http/handoff-page.js';
import type { DeviceRow } from '../../storage/hub-store.js';
import { addDays } from '../time-zones.js';

/** Vitrine's mark: a shop window with an awning, drawn in two shapes. */
const LOGO = `<svg viewBox="0 0 32 32" aria-hidden="true"><rect class="logo-bg" width="32" height="32" rx="8"/><path class="logo-fg" d="M7 10h18l-2 4H9zM9 16h14v8H9z" opacity=".95"/></svg>`;

export function documentOf(title: string, body: string, bodyClass = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/admin/dashboard.css">
</head>
<body${bodyClass === '' ? '' : ` class="${bodyClass}"`}>
${body}
</body>
</html>`;
}

export function topBar(): string {
  return `<header class="topbar">
  <div class="brand">${LOGO} Vitrine <span>Analytics</span></div>
  <form method="post" action="/admin/logout"><button type="submit" data-testid="sign-out">Sign out</button></form>
</header>`;
}

export function signInPage(options: { next: string; error?: string }): string {
  return documentOf(
    'Sign in · Vitrine analytics',
    `<main class="signin">
  <form class="card" method="post" action="/admin/login">
    <div class="brand">${LOGO} Vitrine <span>Analytics</span></div>
    <h1>Sign in to the dashboard</h1>
    <p>See what shoppers do at your kiosks: sessions, searches, scans and what they reserve.</p>
    <input type="hidden" name="next" value="${escapeHtml(options.next)}">
    <label for="token">Admin token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required autofocus spellcheck="false">
    ${options.error === undefined ? '' : `<p class="error" role="alert" data-testid="sign-in-error">${escapeHtml(options.error)}</p>`}
    <button type="submit">Sign in</button>
    <p class="hint">The hub printed its admin token when it first started; it is also in the file <code>admin-token</code> in the hub's data folder.</p>
  </form>
</main>`,
  );
}

export interface FilterState {
  store: string | null;
  device: string | null;
  from: string;
  to: string;
  /** Today in the report's zone: the quick ranges end there. */
  today: string;
}

/** `/admin/dashboard?…` for a filter, leaving out what is unset. */
export function dashboardHref(
  filter: Partial<Record<'store' | 'device' | 'from' | 'to', string | null>>,
): string {
  const params = new URLSearchParams();
  for (const key of ['store', 'device', 'from', 'to'] as const) {
    const value = filter[key];
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  }
  const query = params.toString();
  return query === '' ? '/admin/dashboard' : `/admin/dashboard?${query}`;
}

export function filterForm(
  state: FilterState,
  stores: readonly StoreRecord[],
  devices: readonly DeviceRow[],
): string {
  const option = (value: string, label: string, selected: boolean): string =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const storeOptions = [
    option('', 'All stores', state.store === null),
    ...stores.map((s) => option(s.code, `${s.name} (${s.code})`, s.code === state.store)),
  ];
  const groups = stores
    .map((s) => ({ store: s, devices: devices.filter((d) => d.storeCode === s.code) }))
    .filter((g) => g.devices.length > 0 && (state.store === null || g.store.code === state.store))
    .map(
      (g) =>
        `<optgroup label="${escapeHtml(g.store.name)}">${g.devices
          .map((d) => option(d.id, d.name === d.id ? d.id : `${d.name} · ${d.id}`, d.id === state.device))
          .join('')}</optgroup>`,
    );
  const quick = [
    { label: 'Today', days: 1 },
    { label: '7 days', days: 7 },
    { label: '30 days', days: 30 },
  ].map(({ label, days }) => {
    const from = addDays(state.today, 1 - days);
    const current = state.from === from && state.to === state.today;
    const href = dashboardHref({ store: state.store, device: state.device, from, to: state.today });
    return `<a href="${escapeHtml(href)}"${current ? ' aria-current="true"' : ''}>${label}</a>`;
  });
  return `<form class="filters" method="get" action="/admin/dashboard" data-testid="filters">
  <label>Store <select name="store">${storeOptions.join('')}</select></label>
  <label>Device <select name="device">${option('', 'All devices', state.device === null)}${groups.join('')}</select></label>
  <div class="dates">
    <label>From <input type="date" name="from" value="${escapeHtml(state.from)}" max="${escapeHtml(state.today)}"></label>
    <label>To <input type="date" name="to" value="${escapeHtml(state.to)}" max="${escapeHtml(state.today)}"></label>
  </div>
  <button type="submit">Apply</button>
  <nav class="quick" aria-label="Quick ranges">${quick.join('')}</nav>
</form>`;
}

/** "16 – 22 Nov 2026" (one day: "22 Nov 2026"). */
export function dateRangeText(from: string, to: string): string {
  const format = (date: string, withYear: boolean): string =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  if (from === to) return format(to, true);
  return `${format(from, from.slice(0, 4) !== to.slice(0, 4))} – ${format(to, true)}`;
}
