/**
 * axe-core audits for end-to-end tests: puts node_modules/axe-core into the page and runs the
 * WCAG 2.0/2.1/2.2 A and AA rules (optionally more, such as `color-contrast-enhanced` for the
 * high-contrast theme's 7:1). `expectAccessible` fails on any serious or critical violation with
 * a message naming the rule, its impact and the elements, so the fix is obvious from the log.
 *
 *   await expectAccessible(page, 'product screen');
 *   await expectAccessible(page, 'high contrast', { extraRules: ['color-contrast-enhanced'] });
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeViolation {
  id: string;
  impact: ImpactValue | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

export interface AuditOptions {
  /** Rules to run besides the WCAG A/AA ones, e.g. `color-contrast-enhanced` (WCAG 1.4.6, AAA). */
  extraRules?: readonly string[];
  /** CSS selectors of parts to leave out, each with a reason in the calling test. */
  exclude?: readonly string[];
}

/** Runs axe on the page as it is now and returns every violation. */
export async function auditPage(page: Page, options: AuditOptions = {}): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script>: the kiosk's CSP (script-src 'self') refuses
  // inline scripts, and DevTools evaluation is not subject to it.
  if (!injected) await page.evaluate((axeSource ??= readFileSync(axePath, 'utf8')));
  // Colours are measured as painted: a screen still fading in would read as faint text.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await page.evaluate(
    async ({ tags, extraRules, exclude }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const rules = [...new Set([...axe.getRules(tags).map((rule) => rule.ruleId), ...extraRules])];
      const context = exclude.length === 0 ? document : { exclude: exclude.map((selector) => [selector]) };
      const run: AxeResults = await axe.run(context, {
        runOnly: { type: 'rule', values: rules },
        resultTypes: ['violations'],
      });
      return run.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(' > '),
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    {
      tags: [...WCAG_TAGS],
      extraRules: [...(options.extraRules ?? [])],
      exclude: [...(options.exclude ?? [])],
    },
  );
  return results;
}

export function isSerious(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

/** One violation per paragraph: rule, impact, what it asks, and up to 8 offending elements. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${String(v.nodes.length - 8)} more` : '';
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Audits the page and throws when axe finds a serious or critical violation. */
export async function expectAccessible(page: Page, where: string, options: AuditOptions = {}): Promise<void> {
  const serious = (await auditPage(page, options)).filter(isSerious);
  if (serious.length > 0) {
    throw new Error(
      `axe: ${String(serious.length)} serious or critical violation(s) on ${where}:\n${formatViolations(serious)}`,
    );
  }
}
