import { readFileSync } from 'node:fs';
import type { FeedProblem } from '../../../../shared/catalog/index.js';
import { formatProblem } from '../../../../shared/catalog/index.js';

/** A feed from test/fixtures/feeds. */
export function feed(name: string): string {
  return readFileSync(new URL(`../../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
}

/** Problems as the CLI prints them, so a failing assertion shows the whole message. */
export function printed(problems: readonly FeedProblem[]): string[] {
  return problems.map(formatProblem);
}
