/**
 * The dashboard's stylesheet, served as /admin/dashboard.css so the page's CSP can forbid inline
 * styles. Colours are Vitrine's default brand (renderer/src/theme/tokens.css): navy, terracotta,
 * a warm paper background. Laid out for a desk screen (1920×1080: three columns) and a portrait
 * screen (1080×1920: two), and a phone (one).
 */
export const DASHBOARD_CSS = /* css */ `
:root {
  --navy: #1d2b3a; --accent: #d4572a; --paper: #f4f1eb; --card: #ffffff; --ink: #1c1c1e;
  --muted: #5f6368; --faint: #8a8f96; --line: #e4dfd6; --track: #efebe4; --good: #2e7d4f;
  --navy-2: #3d5a78; --navy-3: #7d97b3; --bad: #b3261e; --bad-soft: #fbeae8;
  --radius: 14px; --gap: 24px;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif;
  font-variant-numeric: tabular-nums;
}
a { color: var(--navy-2); }
.topbar {
  display: flex; align-items: center; justify-content: space-between; gap: var(--gap);
  padding: 14px 40px; background: var(--navy); color: #fff;
}
.brand { display: flex; align-items: center; gap: 12px; font-weight: 700; font-size: 19px; letter-spacing: .01em; }
.brand svg { width: 30px; height: 30px; }
.brand .logo-bg { fill: var(--accent); }
.brand .logo-fg { fill: #fff; }
.brand span { font-weight: 400; opacity: .78; }
.topbar form { margin: 0; }
.topbar button {
  font: inherit; color: #fff; background: transparent; border: 1px solid rgba(255,255,255,.4);
  border-radius: 999px; padding: 8px 18px; cursor: pointer;
}
.topbar button:hover { background: rgba(255,255,255,.1); }
main { max-width: 1840px; margin: 0 auto; padding: 32px 40px 48px; }
.intro { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px 24px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0; letter-spacing: -.01em; }
.scope { margin: 0; color: var(--muted); font-size: 17px; }
.scope strong { color: var(--ink); font-weight: 600; }
.filters {
  display: flex; flex-wrap: wrap; align-items: flex-end; gap: 16px 20px; margin: 24px 0 28px;
  padding: 20px 24px; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius);
}
.filters label { display: flex; flex-direction: column; gap: 6px; font-size: 13px; font-weight: 600;
  color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
/* Store and device take the room there is; the dates keep their natural width. */
.filters label:has(select) { flex: 1 1 200px; }
/* From and To wrap together. */
.filters .dates { display: flex; gap: 16px 20px; }
.filters select, .filters input {
  font-size: 16px; line-height: 1.3; font-family: inherit; color: var(--ink); background: #fff; min-height: 44px;
  border: 1px solid #cfc8bb; border-radius: 10px; padding: 8px 12px; min-width: 150px;
  text-transform: none; letter-spacing: 0; font-weight: 400;
}
.filters select:focus, .filters input:focus, .filters button:focus, .quick a:focus {
  outline: 3px solid color-mix(in oklab, var(--accent) 55%, transparent); outline-offset: 2px;
}
.filters button {
  font-weight: 600; font-size: 16px; line-height: 1; font-family: inherit; min-height: 44px; padding: 0 26px; border: 0;
  border-radius: 10px; background: var(--accent); color: #fff; cursor: pointer;
}
.quick { display: flex; gap: 8px; margin-left: auto; align-self: center; flex-wrap: wrap; }
.quick a {
  text-decoration: none; color: var(--navy); border: 1px solid var(--line); border-radius: 999px;
  padding: 8px 14px; font-size: 14px; font-weight: 600; background: var(--paper);
}
.quick a[aria-current='true'] { background: var(--navy); color: #fff; border-color: var(--navy); }
.banner { margin: 0 0 24px; padding: 14px 18px; border-radius: 10px; background: var(--bad-soft);
  color: var(--bad); border: 1px solid #efc4bf; font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 16px; margin: 0 0 var(--gap); padding: 0; list-style: none; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 18px 20px; }
.kpi-label { display: block; color: var(--muted); font-size: 14px; font-weight: 600; }
.kpi-value { display: block; font-size: 36px; line-height: 1.15; font-weight: 700; margin-top: 6px; color: var(--navy); }
.kpi-note { display: block; color: var(--faint); font-size: 13px; margin-top: 2px; }
.kpi.accent .kpi-value { color: var(--accent); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: var(--gap); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 22px 24px 24px; min-width: 0; }
.card.wide { grid-column: span 2; }
.card h2 { font-size: 19px; margin: 0; line-height: 1.3; }
.card .sub { margin: 2px 0 18px; color: var(--muted); font-size: 14px; }
.chart { display: block; width: 100%; height: auto; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis { stroke: #cfc8bb; }
.chart .tick { fill: var(--muted); font-size: 15px; }
.chart .value { fill: var(--navy); font-size: 15px; font-weight: 700; }
.chart .bar { fill: var(--navy-2); }
.chart g:hover .bar { fill: var(--accent); }
.bars, .funnel { list-style: none; margin: 0; padding: 0; display: grid; gap: 14px; }
.bar-row, .funnel-step { display: grid; grid-template-columns: 1fr auto; gap: 4px 16px; align-items: baseline; }
.bar-label { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
.bar-label small { display: block; font-weight: 400; color: var(--faint); font-size: 13px; }
.bar-value { color: var(--muted); white-space: nowrap; }
.bar-value strong { color: var(--ink); font-size: 18px; }
.bar-track { grid-column: 1 / -1; width: 100%; height: 10px; display: block; }
.bar-track.tall { height: 18px; }
.bar-track .track { fill: var(--track); }
.bar-track .fill.primary { fill: var(--navy-2); }
.bar-track .fill.accent { fill: var(--accent); }
.bar-track .fill.step-0 { fill: var(--navy); }
.bar-track .fill.step-1 { fill: var(--navy-2); }
.bar-track .fill.step-2 { fill: var(--accent); }
.bar-track .fill.step-3 { fill: var(--good); }
.empty { color: var(--faint); margin: 8px 0 0; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
th { text-align: left; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .06em; font-weight: 600;
  border-bottom: 1px solid var(--line); padding: 0 10px 8px 0; }
td { border-bottom: 1px solid var(--line); padding: 10px 10px 10px 0; vertical-align: top; overflow-wrap: anywhere; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td small { color: var(--faint); font-size: 13px; }
.query { font-weight: 600; }
.tag { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
  color: var(--navy-2); background: #e9eef4; border-radius: 6px; padding: 2px 7px; }
.reason { color: var(--bad); font-size: 14px; }
footer { margin-top: 32px; color: var(--faint); font-size: 14px; }
footer code { font-size: 13px; background: #ebe6dd; padding: 2px 6px; border-radius: 6px; color: var(--muted); }
.signin { min-height: 100vh; display: grid; place-items: center; padding: 24px; }
.signin .card { width: min(480px, 100%); padding: 36px 36px 32px; box-shadow: 0 18px 50px rgba(29,43,58,.10); }
.signin h1 { font-size: 26px; margin: 18px 0 6px; }
.signin p { color: var(--muted); margin: 0 0 22px; }
.signin label { display: block; font-weight: 600; margin-bottom: 8px; }
.signin input { width: 100%; font-size: 16px; line-height: 1.3; font-family: inherit; min-height: 48px; padding: 10px 14px;
  border: 1px solid #cfc8bb; border-radius: 10px; }
.signin input:focus, .signin button:focus { outline: 3px solid color-mix(in oklab, var(--accent) 55%, transparent); outline-offset: 2px; }
.signin button { margin-top: 18px; width: 100%; min-height: 48px; border: 0; border-radius: 10px; font-weight: 600; font-size: 17px; line-height: 1;
  font-family: inherit; background: var(--navy); color: #fff; cursor: pointer; }
.signin .error { color: var(--bad); font-weight: 600; margin: 12px 0 0; }
.signin .hint { font-size: 14px; margin: 18px 0 0; color: var(--faint); }
.signin .brand { color: var(--navy); }
.signin .brand span { opacity: .7; }
@media (max-width: 700px) {
  main { padding: 20px 16px 32px; }
  .topbar { padding: 12px 16px; }
  .grid { grid-template-columns: 1fr; }
  .card.wide { grid-column: auto; }
  .filters select, .filters input { min-width: 0; width: 100%; }
  .filters label { flex: 1 1 100%; }
}
`;
