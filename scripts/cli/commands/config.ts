/**
 * `vitrine config …`: check a device config, print its JSON Schema, hash a staff PIN.
 * Exit codes follow the CLI's rule: 0 ok, 1 a config is invalid, 2 a file can't be read or isn't JSON.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  checkPinFormat,
  configJsonSchema,
  formatProblem,
  parseConfigText,
} from '../../../kiosk-config/index.js';
import { hashPin } from '../../../main/runtime/session/pin.js';
import { CliExit, err, out, readTextOrExit } from '../io.js';

/** Validates each file and prints "FILE: ok" or its problems; the worst result sets the exit code. */
function validateFiles(files: readonly string[]): void {
  let code = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readTextOrExit(file);
    } catch (error) {
      // Keep going: one unreadable file should not hide the problems of the others.
      if (error instanceof CliExit) {
        code = Math.max(code, error.code);
        continue;
      }
      throw error;
    }
    const result = parseConfigText(text);
    if (result.ok) {
      out(`${file}: ok`);
      continue;
    }
    for (const problem of result.problems) err(formatProblem(problem, file));
    code = Math.max(code, result.kind === 'syntax' ? 2 : 1);
  }
  if (code !== 0) throw new CliExit(code);
}

/** One line from a non-interactive stdin (a pipe or a file), without waiting for more than that. */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n')) break;
  }
  return (text.split('\n')[0] ?? '').replace(/\r$/, '');
}

/** Asks on the terminal without echoing: the prompt goes to stderr and readline writes to a sink. */
function askHidden(input: NodeJS.ReadableStream, prompt: string): Promise<string> {
  const sink = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  const lines = createInterface({ input, output: sink, terminal: true });
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('SIGINT', () => {
      lines.close();
    });
    lines.once('close', () => {
      process.stderr.write('\n');
      if (!answered) reject(new CliExit(130));
    });
  });
}

/**
 * Reads the PIN from stdin, never from the command line, where it would land in shell history
 * and process listings. On a terminal it is asked twice, hidden; from a pipe one line is read.
 */
async function readPin(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return (await readFirstLine(input)).trim();
  const first = await askHidden(input, 'Staff PIN (4-12 digits): ');
  const again = await askHidden(input, 'Same PIN again: ');
  if (first !== again) {
    err('the two PINs differ; nothing was hashed');
    throw new CliExit(1);
  }
  return first.trim();
}

export function registerConfigCommand(program: Command): void {
  const config = program
    .command('config')
    .description('the device config file: check it, export its schema, hash a PIN');

  config
    .command('validate')
    .description('check config files; prints "FILE: ok" or one line per problem (FILE:LINE: path: message)')
    .argument('<files...>', 'config JSON files')
    .action((files: string[]) => {
      validateFiles(files);
    });

  config
    .command('schema')
    .description('print the config JSON Schema (draft 2020-12), e.g. > kiosk-config/config.schema.json')
    .action(() => {
      out(JSON.stringify(configJsonSchema(), null, 2));
    });

  config
    .command('hash-pin')
    .description('read a staff PIN from stdin and print its scrypt hash for staff.pinHash')
    .action(async () => {
      const pin = await readPin();
      const problem = checkPinFormat(pin);
      if (problem !== null) {
        err(`cannot hash: ${problem}`);
        throw new CliExit(1);
      }
      out(await hashPin(pin));
    });
}
