/**
 * HTTP for analytics: the JSON API inside the admin API (Bearer token, like every admin call),
 * and the dashboard page for people (signed in with the same token, see session-cookie.ts).
 *
 *   GET  /api/v1/admin/analytics?store=&device=&from=&to=   the report as JSON; 400 names the field
 *   GET  /admin/dashboard?store=&device=&from=&to=          the page, or the sign-in form
 *   POST /admin/login, POST /admin/logout                    sign in (form) and out
 *   GET  /admin/dashboard.css                                its stylesheet
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseMessage, type Parsed } from '../../shared/protocol/index.js';
import { secretsEqual } from '../fleet/secrets.js';
import type { HubContext } from '../hub-context.js';
import { sendError } from '../http/errors.js';
import { escapeHtml } from '../http/handoff-page.js';
import { dateRangeText, documentOf, filterForm, signInPage, topBar } from './dashboard/page.js';
import {
  attract,
  conversion,
  kpis,
  noResults,
  refused,
  sessionsByHour,
  topLists,
} from './dashboard/sections.js';
import {
  clearedCookie,
  cookieValue,
  DASHBOARD_COOKIE,
  isDashboardSession,
  newDashboardSession,
  sessionCookie,
} from './dashboard/session-cookie.js';
import { DASHBOARD_CSS } from './dashboard/styles.js';
import { resolveAnalyticsQuery, type ResolvedQuery } from './query.js';
import { buildReport } from './report.js';
import { localTime } from './time-zones.js';

/**
 * Nothing but this origin's stylesheet: no script at all, no inline style, no frames, and forms
 * post only here.
 */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The sign-in form: the token is what matters; `next` is checked on its own (safeNext). */
const signInSchema = z.object({ token: z.string().min(1, 'enter the admin token').max(500) });

async function resolve(hub: HubContext, raw: unknown): Promise<Parsed<ResolvedQuery>> {
  const [stores, devices] = await Promise.all([hub.store.listStores(), hub.store.listDevices()]);
  return resolveAnalyticsQuery(raw, { stores, devices, now: hub.now() });
}

/** The JSON API, registered inside the admin plugin (its hook checks the Bearer token). */
export function registerAnalyticsApi(admin: FastifyInstance, hub: HubContext): void {
  admin.get('/analytics', async (request, reply) => {
    const resolved = await resolve(hub, request.query);
    if (!resolved.ok) return sendError(reply, 400, 'invalid-message', resolved.error);
    return buildReport(hub.store, resolved.value);
  });
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
}

/** Where to go after signing in: only a dashboard URL of this hub (no open redirect). */
function safeNext(next: string | undefined): string {
  return next !== undefined && next.length <= 2000 && /^\/admin\/dashboard(\?[^\s#]*)?$/.test(next)
    ? next
    : '/admin/dashboard';
}

export function registerDashboard(app: FastifyInstance, deps: { hub: HubContext; adminToken: string }): void {
  const { hub, adminToken } = deps;
  const signedIn = (request: FastifyRequest): boolean =>
    isDashboardSession(cookieValue(request.headers.cookie, DASHBOARD_COOKIE), adminToken, hub.now());
  const secure = (request: FastifyRequest): boolean => request.protocol === 'https';

  void app.register((scope, _options, done) => {
    // The sign-in form posts urlencoded; the hand-off page may already have taught the app to read it.
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 8 * 1024 },
        (_request, body, parsed) => {
          parsed(null, Object.fromEntries(new URLSearchParams(body as string)));
        },
      );
    }

    scope.get('/admin/dashboard.css', (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .type('text/css; charset=utf-8')
        .send(DASHBOARD_CSS),
    );

    scope.get('/admin/dashboard', async (request, reply) => {
      if (!signedIn(request)) return html(reply, 401, signInPage({ next: request.url }));
      const [stores, devices] = await Promise.all([hub.store.listStores(), hub.store.listDevices()]);
      const resolved = resolveAnalyticsQuery(request.query, { stores, devices, now: hub.now() });
      if (!resolved.ok) {
        const today = localTime(hub.now().getTime(), 'UTC').date;
        const problem = resolved.error.replace(/^analytics: /, '');
        const body = `${topBar()}<main><div class="intro"><h1>Shopper analytics</h1></div>
${filterForm({ store: null, device: null, from: '', to: '', today }, stores, devices)}
<p class="banner" role="alert" data-testid="query-error">This filter cannot be shown: ${escapeHtml(problem)}</p></main>`;
        return html(reply, 400, documentOf('Vitrine analytics', body));
      }
      const query = resolved.value;
      const report = await buildReport(hub.store, query);
      const today = localTime(hub.now().getTime(), query.timeZone).date;
      const storeName = stores.find((s) => s.code === report.filter.store)?.name;
      const deviceName = devices.find((d) => d.id === report.filter.device)?.name;
      const scope = [deviceName ?? storeName ?? 'All stores', dateRangeText(query.fromDate, query.toDate)];
      const body = `${topBar()}
<main>
  <div class="intro">
    <h1>Shopper analytics</h1>
    <p class="scope" data-testid="scope"><strong>${escapeHtml(scope[0] ?? '')}</strong> · ${escapeHtml(scope[1] ?? '')} · ${escapeHtml(report.timeZone)}</p>
  </div>
  ${filterForm(
    {
      store: report.filter.store,
      device: report.filter.device,
      from: query.fromDate,
      to: query.toDate,
      today,
    },
    stores,
    devices,
  )}
  ${kpis(report)}
  <div class="grid">
    ${sessionsByHour(report)}
    ${conversion(report)}
    ${topLists(report)}
    ${noResults(report)}
    ${attract(report)}
    ${refused(report)}
  </div>
  <footer>Counted from each kiosk's clock; a kiosk that was offline adds its events when it is back.
  The same figures as JSON: <code>GET /api/v1/admin/analytics${escapeHtml(request.url.replace(/^[^?]*/, ''))}</code> with the admin token.</footer>
</main>`;
      return html(reply, 200, documentOf('Vitrine analytics', body));
    });

    scope.post('/admin/login', async (request, reply) => {
      const form = parseMessage(signInSchema, request.body, 'sign-in');
      const body: unknown = request.body;
      const next = safeNext(
        typeof body === 'object' && body !== null && 'next' in body && typeof body.next === 'string'
          ? body.next
          : undefined,
      );
      if (!form.ok || !secretsEqual(form.value.token.trim(), adminToken)) {
        // A missing token gets the same answer as a wrong one.
        hub.logger.warn({ ip: request.ip }, 'dashboard sign-in with a wrong token');
        return html(reply, 401, signInPage({ next, error: 'That is not this hub’s admin token.' }));
      }
      hub.logger.info({ ip: request.ip }, 'dashboard signed in');
      return reply
        .header(
          'set-cookie',
          sessionCookie(newDashboardSession(adminToken, hub.now(), hub.random), secure(request)),
        )
        .header('cache-control', 'no-store')
        .redirect(next, 303);
    });

    scope.post('/admin/logout', (request, reply) =>
      reply.header('set-cookie', clearedCookie(secure(request))).redirect('/admin/dashboard', 303),
    );
    done();
  });
}
