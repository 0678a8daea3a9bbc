/** A utility process whose child side runs in the test's own process. */
import { EventEmitter } from 'node:events';
import type { ForkOptions } from 'electron';
import type { ShellChildProcess } from '../../../main/electron/electron-api.js';

/**
 * A utility process joined to a child side in the same process: what main posts arrives at
 * `port` as a MessageEvent, what the child posts on `port` arrives as a 'message' here, each copied
 * with structuredClone as the process boundary would.
 */
export class FakeChildProcess extends EventEmitter implements ShellChildProcess {
  private static nextPid = 9000;
  readonly pid = FakeChildProcess.nextPid++;
  readonly received: unknown[] = [];
  exitCode: number | undefined;
  private readonly portListeners = new Set<(event: { data: unknown }) => void>();

  constructor(
    readonly modulePath: string,
    readonly args: readonly string[],
    readonly options: ForkOptions | undefined,
  ) {
    super();
  }

  /** The child's `process.parentPort`. */
  readonly port = {
    on: (_event: 'message', listener: (event: { data: unknown }) => void): void => {
      this.portListeners.add(listener);
    },
    postMessage: (message: unknown): void => {
      if (this.exitCode !== undefined) return;
      const copy = structuredClone(message);
      setImmediate(() => this.emit('message', copy));
    },
  };

  postMessage(message: unknown): void {
    if (this.exitCode !== undefined) return;
    const copy = structuredClone(message);
    this.received.push(copy);
    setImmediate(() => {
      for (const listener of this.portListeners) listener({ data: copy });
    });
  }
  kill(): boolean {
    this.exit(15);
    return true;
  }
  /** The process ends with `code` (a crash: any non-zero code). */
  exit(code: number): void {
    if (this.exitCode !== undefined) return;
    this.exitCode = code;
    setImmediate(() => this.emit('exit', code));
  }
}
