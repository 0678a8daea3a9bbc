import { readFileSync } from 'node:fs';

/** Thrown by a command to end the CLI with an exit code after it has printed why. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${String(code)}`);
  }
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Reads a text file for a command, or prints why it can't and exits with 2. */
export function readTextOrExit(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    err(`${path}: cannot read: ${reason}`);
    throw new CliExit(2);
  }
}
