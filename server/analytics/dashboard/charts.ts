/**
 * The dashboard's charts as server-side SVG and HTML. Why our own: the page runs no script at all
 * (its CSP has no script-src), which rules out the usual chart libraries that draw in the browser,
 * and the hub has no charting package; bars and a funnel are a few rectangles each. The charts
 * are styled by classes from dashboard.css (inline style attributes would need 'unsafe-inline'),
 * and every figure is also in the markup as text, so the numbers read without the picture.
 */
import { escapeHtml } from '../../http/handoff-page.js';

/** A step for about `ticks` gridlines: 1, 2 or 5 times a power of ten, at least 1. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= ticks) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}

export interface Column {
  label: string;
  value: number;
  /** Spoken and shown on hover: "10:00–11:00: 4 sessions". */
  title: string;
}

/** Vertical bars with gridlines; every nth label under the axis, values above non-empty bars. */
export function columnChart(columns: readonly Column[], options: { caption: string; labelEvery?: number }) {
  const width = 1100;
  const height = 320;
  const left = 48;
  const bottom = 36;
  const top = 24;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = Math.max(0, ...columns.map((c) => c.value));
  const step = niceStep(max);
  const ceiling = Math.max(step, Math.ceil(max / step) * step);
  const y = (value: number): number => top + plotH - (value / ceiling) * plotH;
  const slot = plotW / Math.max(1, columns.length);
  const barW = Math.max(2, slot * 0.68);
  const every = options.labelEvery ?? 1;

  const grid: string[] = [];
  for (let value = 0; value <= ceiling; value += step) {
    const gy = y(value).toFixed(1);
    grid.push(
      `<line class="grid${value === 0 ? ' axis' : ''}" x1="${String(left)}" x2="${String(width - 8)}" y1="${gy}" y2="${gy}"/>`,
      `<text class="tick" x="${String(left - 10)}" y="${gy}" text-anchor="end" dominant-baseline="middle">${String(value)}</text>`,
    );
  }
  const bars = columns.map((column, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const barTop = y(column.value);
    const label =
      i % every === 0
        ? `<text class="tick" x="${(x + barW / 2).toFixed(1)}" y="${String(height - 12)}" text-anchor="middle">${escapeHtml(column.label)}</text>`
        : '';
    const value =
      column.value > 0
        ? `<text class="value" x="${(x + barW / 2).toFixed(1)}" y="${(barTop - 6).toFixed(1)}" text-anchor="middle">${String(column.value)}</text>`
        : '';
    return `<g><title>${escapeHtml(column.title)}</title><rect class="bar" x="${x.toFixed(1)}" y="${barTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - barTop).toFixed(1)}" rx="3"/>${value}${label}</g>`;
  });
  return `<svg class="chart columns" viewBox="0 0 ${String(width)} ${String(height)}" role="img" aria-label="${escapeHtml(options.caption)}">${grid.join('')}${bars.join('')}</svg>`;
}

export interface BarRow {
  label: string;
  /** Smaller text under the label (a product id, a store). */
  detail?: string;
  value: number;
  /** What the value says, e.g. "12 scans". */
  valueText: string;
}

/**
 * Horizontal bars as a list: the label is HTML (it wraps, and reads as text), each bar a tiny
 * SVG stretched to the row's width, its rectangle as long as the value's share of the largest.
 */
export function barList(rows: readonly BarRow[], options: { empty: string; tone?: 'primary' | 'accent' }) {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(options.empty)}</p>`;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const items = rows.map((row) => {
    const share = Math.max(0.5, (row.value / max) * 100);
    return `<li class="bar-row">
  <span class="bar-label">${escapeHtml(row.label)}${row.detail === undefined ? '' : `<small>${escapeHtml(row.detail)}</small>`}</span>
  <span class="bar-value">${escapeHtml(row.valueText)}</span>
  <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="10" rx="0"/><rect class="fill ${options.tone ?? 'primary'}" width="${share.toFixed(2)}" height="10"/></svg>
</li>`;
  });
  return `<ol class="bars">${items.join('')}</ol>`;
}

export interface FunnelStep {
  /** Names the step in the markup (`data-funnel-step`). */
  key: string;
  label: string;
  value: number;
  /** Share of the first step, as shown ("42%"); the first step shows none. */
  note?: string;
}

/** Steps as bars of decreasing length, each with its count and its share of sessions. */
export function funnel(steps: readonly FunnelStep[]) {
  const first = Math.max(1, steps[0]?.value ?? 0);
  const items = steps.map((step, i) => {
    const share = Math.max(0.5, (step.value / first) * 100);
    return `<li class="funnel-step" data-funnel-step="${escapeHtml(step.key)}">
  <span class="bar-label">${escapeHtml(step.label)}</span>
  <span class="bar-value"><strong>${String(step.value)}</strong>${step.note === undefined ? '' : ` <small>${escapeHtml(step.note)}</small>`}</span>
  <svg class="bar-track tall" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="10"/><rect class="fill step-${String(Math.min(i, 3))}" width="${share.toFixed(2)}" height="10"/></svg>
</li>`;
  });
  return `<ol class="funnel">${items.join('')}</ol>`;
}

/** "42%" of `whole`, or "–" when there is no whole to share. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${String(Math.round((part / whole) * 100))}%`;
}
