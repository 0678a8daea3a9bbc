/**
 * What the dashboard shows of a report: key figures, sessions by hour, the conversion funnel,
 * top lists and tables. Each section says what it counts and over which time, so a number on
 * its own is never ambiguous; `data-*` attributes name each figure for tests and scrapers.
 */
import { escapeHtml } from '../../http/handoff-page.js';
import type { AnalyticsReport, ProductCount } from '../report.js';
import { barList, columnChart, funnel, percent } from './charts.js';

const number = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string): string => `${number(n)} ${n === 1 ? one : many}`;

function kpi(key: string, label: string, value: string, note?: string, accent = false): string {
  return `<li class="kpi${accent ? ' accent' : ''}" data-kpi="${key}">
  <span class="kpi-label">${escapeHtml(label)}</span>
  <span class="kpi-value">${escapeHtml(value)}</span>
  ${note === undefined ? '' : `<span class="kpi-note">${escapeHtml(note)}</span>`}
</li>`;
}

function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${String(seconds)} s`;
  return `${String(Math.floor(seconds / 60))} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function kpis(report: AnalyticsReport): string {
  const t = report.totals;
  return `<ul class="kpis" aria-label="Key figures">
${kpi('sessions', 'Sessions', number(t.sessions), `avg. ${duration(t.meanSessionSeconds)}`)}
${kpi('product-views', 'Product views', number(t.productViews))}
${kpi('searches', 'Searches', number(t.searches), `${number(t.noResultSearches)} without result`)}
${kpi('scans', 'Scans', number(t.scans))}
${kpi('reservations', 'Reservations', number(t.reservations), `${percent(report.funnel.reserved, t.sessions)} of sessions`, true)}
${kpi('handoffs', 'Sent to phone', number(t.handoffs), `${percent(report.funnel.handedOff, t.sessions)} of sessions`, true)}
${kpi('impressions', 'Attract plays', number(t.attractImpressions))}
</ul>`;
}

function card(key: string, title: string, sub: string, body: string, wide = false): string {
  return `<section class="card${wide ? ' wide' : ''}" data-section="${key}">
  <h2>${escapeHtml(title)}</h2>
  <p class="sub">${escapeHtml(sub)}</p>
  ${body}
</section>`;
}

export function sessionsByHour(report: AnalyticsReport): string {
  const hours = report.sessionsPerHour.byHourOfDay;
  const total = hours.reduce((a, b) => a + b, 0);
  const columns = hours.map((value, hour) => ({
    label: String(hour).padStart(2, '0'),
    value,
    title: `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00: ${plural(value, 'session', 'sessions')}`,
  }));
  const caption = `Sessions by hour of day, ${report.timeZone}`;
  const body =
    total === 0
      ? '<p class="empty">No sessions in this range yet.</p>'
      : columnChart(columns, { caption, labelEvery: 1 });
  return card(
    'sessions-per-hour',
    'Sessions per hour',
    `When shoppers start a session, by hour of the day (${report.timeZone}), summed over the range`,
    `<div data-chart="sessions-per-hour" data-values="${hours.join(',')}">${body}</div>`,
    true,
  );
}

export function conversion(report: AnalyticsReport): string {
  const f = report.funnel;
  const steps = [
    { key: 'sessions', label: 'Sessions', value: f.sessions },
    {
      key: 'viewed',
      label: 'Viewed a product',
      value: f.viewedProduct,
      note: `${percent(f.viewedProduct, f.sessions)} of sessions`,
    },
    {
      key: 'reserved',
      label: '…then reserved',
      value: f.viewedAndReserved,
      note: `${percent(f.viewedAndReserved, f.viewedProduct)} of viewers`,
    },
    {
      key: 'handed-off',
      label: '…then sent it to their phone',
      value: f.viewedAndHandedOff,
      note: `${percent(f.viewedAndHandedOff, f.viewedProduct)} of viewers`,
    },
  ];
  return card(
    'funnel',
    'Conversion',
    'Sessions that viewed a product, and then reserved it or took it to their phone',
    funnel(steps),
  );
}

function productRows(rows: readonly ProductCount[], unit: [string, string]) {
  return rows.map((row) => ({
    label: row.title ?? row.productId,
    detail: row.title === null ? 'no longer in the catalog' : row.productId,
    value: row.count,
    valueText: plural(row.count, unit[0], unit[1]),
  }));
}

export function topLists(report: AnalyticsReport): string {
  return [
    card(
      'top-scanned',
      'Top scanned products',
      'Price tags scanned at the kiosk',
      barList(productRows(report.topScanned, ['scan', 'scans']), {
        empty: 'No product scanned in this range.',
      }),
    ),
    card(
      'top-searches',
      'Top searches',
      'What shoppers typed, as they left it (personal data is never kept)',
      barList(
        report.topSearches.map((row) => ({
          label: `“${row.query}”`,
          ...(row.noResult > 0 ? { detail: `${plural(row.noResult, 'time', 'times')} without result` } : {}),
          value: row.searches,
          valueText: plural(row.searches, 'search', 'searches'),
        })),
        { empty: 'No searches in this range.', tone: 'accent' },
      ),
    ),
    card(
      'top-from-search',
      'Found through search',
      'Products opened from search results',
      barList(productRows(report.topFromSearch, ['opening', 'openings']), {
        empty: 'No product was opened from search results.',
      }),
    ),
  ].join('\n');
}

export function noResults(report: AnalyticsReport): string {
  const rows = report.noResultSearches.map(
    (row) => `<tr data-query="${escapeHtml(row.query)}">
  <td class="query">“${escapeHtml(row.query)}”</td>
  <td class="num">${number(row.searches)}</td>
  <td class="num">${escapeHtml(row.lastAt.slice(0, 16).replace('T', ' '))} UTC</td>
</tr>`,
  );
  const body =
    rows.length === 0
      ? '<p class="empty">Every search in this range found something.</p>'
      : `<table><thead><tr><th>Search</th><th class="num">Times</th><th class="num">Last</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const redacted =
    report.redactedSearches > 0
      ? ` · ${plural(report.redactedSearches, 'search', 'searches')} dropped as personal data`
      : '';
  return card(
    'no-results',
    'Searches with no result',
    `Words the catalog has no answer for: missing products, or words to add${redacted}`,
    body,
  );
}

export function attract(report: AnalyticsReport): string {
  const rows = report.attract.map(
    (row) => `<tr>
  <td><span class="tag">${escapeHtml(row.itemKind)}</span> ${
    row.title === null
      ? escapeHtml(row.itemRef)
      : `${escapeHtml(row.title)}<br><small>${escapeHtml(row.itemRef)}</small>`
  }</td>
  <td class="num">${number(row.impressions)}</td>
  <td class="num">${duration(row.seconds)}</td>
  <td class="num">${number(row.touches)}</td>
</tr>`,
  );
  const body =
    rows.length === 0
      ? '<p class="empty">The attract loop played nothing in this range.</p>'
      : `<table><thead><tr><th>Item</th><th class="num">Plays</th><th class="num">On screen</th><th class="num">Touched</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return card(
    'attract',
    'Attract loop · proof of play',
    'What played while nobody used the kiosk, and what was touched',
    body,
  );
}

export function refused(report: AnalyticsReport): string {
  if (report.rejected.total === 0 && report.unknownCodes.length === 0) return '';
  const codes = report.unknownCodes.map(
    (row) => `<tr><td>${escapeHtml(row.gtin)}</td><td class="num">${number(row.scans)}</td></tr>`,
  );
  const rejected = report.rejected.latest.map(
    (row) =>
      `<tr><td>${escapeHtml(row.name)}<br><small>${escapeHtml(row.deviceId)}</small></td><td class="reason">${escapeHtml(row.reason)}</td></tr>`,
  );
  return [
    codes.length === 0
      ? ''
      : card(
          'unknown-codes',
          'Scanned, not in the catalog',
          'Barcodes (GTIN) shoppers scanned that the catalog does not have',
          `<table><thead><tr><th>GTIN</th><th class="num">Scans</th></tr></thead><tbody>${codes.join('')}</tbody></table>`,
        ),
    report.rejected.total === 0
      ? ''
      : card(
          'rejected',
          `Refused events (${number(report.rejected.total)})`,
          'Events a kiosk sent that the hub did not count, with the reason; the latest first',
          `<table><thead><tr><th>Event</th><th>Reason</th></tr></thead><tbody>${rejected.join('')}</tbody></table>`,
        ),
  ].join('\n');
}
