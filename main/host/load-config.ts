/** The config file a host starts from: read, parsed, and refused with every problem it has. */
import { readFileSync } from 'node:fs';
import { formatProblem, parseConfigText, type KioskConfig } from '../../kiosk-config/index.js';

/**
 * The config could not be used. `unreadable` and `syntax` are about the file, `invalid` about its
 * content (the CLI exits 2 and 1 for them, like `vitrine config check`).
 */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';
  constructor(
    readonly kind: 'unreadable' | 'syntax' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export function loadConfigFile(path: string): KioskConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new ConfigLoadError('unreadable', `${path}: cannot read the config: ${reason}`);
  }
  const parsed = parseConfigText(text);
  if (parsed.ok) return parsed.config;
  const lines = parsed.problems.map((problem) => formatProblem(problem, path));
  const count = parsed.problems.length;
  throw new ConfigLoadError(
    parsed.kind,
    `${path}: the config has ${String(count)} problem${count === 1 ? '' : 's'}:\n${lines.join('\n')}`,
  );
}
