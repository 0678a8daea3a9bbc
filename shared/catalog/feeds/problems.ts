import type { FeedProblem } from '../types.js';

/** `line 14: price: "19,99 EUR" is not a price like "19.99 EUR"` — the form the CLI and the hub print. */
export function formatProblem(problem: FeedProblem): string {
  const where = problem.line === null ? '' : `line ${String(problem.line)}: `;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  return `${where}${field}${problem.message}`;
}

/** Problems in file order (stable: problems of one line keep the order they were found in). */
export function sortProblems(problems: FeedProblem[]): FeedProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function problem(line: number | null, field: string | undefined, message: string): FeedProblem {
  return field === undefined ? { line, message } : { line, field, message };
}
