/**
 * Real child processes for crash tests: spawn one, read its stdout line by line, wait (bounded)
 * for a line, kill it with a signal. Every process a test starts is SIGKILLed after the test if
 * it is still running, so a failing test leaves nothing behind.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** The repository root (this file is test/support/processes.ts). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Spawned {
  readonly name: string;
  readonly pid: number;
  /** Every stdout line so far, in order. */
  readonly lines: readonly string[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** The end of stderr, for failure messages. */
  stderrTail(chars?: number): string;
  /**
   * Resolves with the first line (already read or still to come, from line `from` on) that
   * `matches`; `onMatch` runs synchronously as the line is read, before any other line is. Rejects
   * when the process exits first or after `seconds`.
   */
  waitForLine(
    what: string,
    matches: (line: string) => boolean,
    options?: { seconds?: number; from?: number; onMatch?: () => void },
  ): Promise<string>;
  /** Sends the signal (if still running) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
}

interface Waiter {
  matches: (line: string) => boolean;
  onMatch: (() => void) | undefined;
  resolve: (line: string) => void;
}

/** Starts processes for a test; SIGKILLs the ones still running after it. */
export function useProcesses(): (name: string, command: string, args: readonly string[]) => Spawned {
  const running = new Set<Spawned>();
  afterEach(async () => {
    for (const child of [...running]) await child.kill('SIGKILL');
    running.clear();
  });
  return (name, command, args) => {
    const child = start(name, command, args);
    running.add(child);
    void child.exited.then(() => running.delete(child));
    return child;
  };
}

function start(name: string, command: string, args: readonly string[]): Spawned {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const lines: string[] = [];
  const waiters = new Set<Waiter>();
  let partial = '';
  let stderr = '';
  let exit: Exit | undefined;

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.matches(line)) continue;
        waiters.delete(waiter);
        waiter.onMatch?.();
        waiter.resolve(line);
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const describe = (): string =>
    `${name} (pid ${String(child.pid)}): last stdout lines:\n${lines.slice(-8).join('\n')}\nstderr tail:\n${stderr.slice(-3000)}`;

  return {
    name,
    pid: child.pid,
    lines,
    exited,
    stderrTail: (chars = 3000) => stderr.slice(-chars),
    waitForLine(what, matches, options = {}) {
      const earlier = lines.slice(options.from ?? 0).find(matches);
      if (earlier !== undefined) {
        options.onMatch?.();
        return Promise.resolve(earlier);
      }
      return new Promise<string>((resolve, reject) => {
        const waiter: Waiter = {
          matches,
          onMatch: options.onMatch,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(
          () => {
            waiters.delete(waiter);
            reject(new Error(`gave up waiting for ${what}: ${describe()}`));
          },
          (options.seconds ?? 30) * 1000,
        );
        waiters.add(waiter);
        void exited.then((e) => {
          if (!waiters.delete(waiter)) return;
          clearTimeout(timer);
          reject(
            new Error(
              `${name} exited (code ${String(e.code)}, signal ${String(e.signal)}) before ${what}: ${describe()}`,
            ),
          );
        });
      });
    },
    async kill(signal) {
      if (exit === undefined) child.kill(signal);
      return exited;
    },
  };
}

/** A port free right now on 127.0.0.1 (listen on 0, note the port, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

/** Polls `condition` every 20 ms until it holds, or throws after `seconds`. */
export async function until(what: string, condition: () => boolean, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
