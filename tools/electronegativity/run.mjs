// @ts-check
/**
 * `npm run lint:electron`: Electronegativity (@doyensec/electronegativity 1.10.3) over the
 * project, offline, failing on any high or medium finding that tools/electronegativity/accepted.json
 * does not explain, and on any accepted entry that no longer matches a finding (so the list stays
 * true). Low and informational findings are printed, not judged.
 *
 * Why a driver and not the CLI: the package's CLI does not start with the commander this
 * repository resolves (it calls commander 2's API), and before any scan it fetches translations
 * from GitHub. So its runner is called directly, with its bundled English strings, and with
 * AvailableSecurityFixesGlobalCheck excluded (the one check that asks the network for Electron
 * releases; `npm outdated electron` answers that question).
 *
 * What is scanned: the project's sources, copied to a temporary folder without node_modules, .git
 * and build outputs (dist/, .tsbuild/), which would only repeat the sources' findings.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const dist = join(packageDir, 'dist');
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.tsbuild', 'test-results', 'coverage', '.vitrine']);
const JUDGED = new Set(['HIGH', 'MEDIUM']);

/** @typedef {{ id: string; file: string; why: string }} Accepted */
/** @type {Accepted[]} */
const accepted = JSON.parse(readFileSync(join(root, 'tools', 'electronegativity', 'accepted.json'), 'utf8'));
for (const [index, entry] of accepted.entries()) {
  if (
    typeof entry.id !== 'string' ||
    typeof entry.file !== 'string' ||
    typeof entry.why !== 'string' ||
    entry.why.length < 20
  )
    throw new Error(
      `accepted.json[${String(index)}]: expected { id, file, why } with a why of at least 20 characters`,
    );
}

// The runner's strings without the network: the package's own English catalogue, registered the
// way its loader would, and the loader replaced by one that does not fetch.
// i18n is Electronegativity's own dependency: resolved from its package, wherever npm put it.
const i18n = createRequire(join(packageDir, 'package.json'))('i18n');
i18n.configure({
  locales: ['en-US'],
  defaultLocale: 'en-US',
  directory: join(dist, 'locales'),
  updateFiles: false,
  objectNotation: true,
  register: globalThis,
});
i18n.setLocale('en-US');
const loaderPath = require.resolve(join(dist, 'locales', 'i18n.js'));
require.cache[loaderPath] = /** @type {NodeJS.Module} */ ({
  id: loaderPath,
  filename: loaderPath,
  loaded: true,
  exports: () => Promise.resolve(),
});
const runner = require(join(dist, 'runner.js'));
const run = runner.default ?? runner;

const staged = mkdtempSync(join(tmpdir(), 'vitrine-electronegativity-'));
try {
  cpSync(root, staged, {
    recursive: true,
    filter: (source) => {
      const parts = relative(root, source).split(sep);
      return !parts.some((part) => SKIPPED.has(part));
    },
  });
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run(
    {
      input: staged,
      output: null,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      severitySet: null,
      confidenceSet: null,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: null,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const problems = [];
  for (const error of result.errors) {
    const file = relative(staged, error.file);
    // A file the scanner cannot parse is a file it did not check.
    if (!error.tolerable)
      problems.push(`${file}: could not be parsed, so it was not checked: ${error.message}`);
  }
  const used = new Set();
  let judged = 0;
  for (const issue of result.issues) {
    const file = issue.file.split(sep).join('/');
    const where = `${file}:${String(issue.location.line)}`;
    const line = `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where}`;
    if (!JUDGED.has(issue.severity.name)) {
      console.log(`  (${issue.severity.name.toLowerCase()}) ${line}`);
      continue;
    }
    judged++;
    const entry = accepted.find((a) => a.id === issue.id && a.file === file);
    if (entry === undefined) {
      problems.push(
        `${line}: not explained in tools/electronegativity/accepted.json\n    ${issue.description}`,
      );
    } else {
      used.add(entry);
      console.log(`  accepted: ${line}: ${entry.why}`);
    }
  }
  for (const entry of accepted) {
    if (!used.has(entry))
      problems.push(`accepted.json: ${entry.id} in ${entry.file} no longer matches a finding; remove it`);
  }
  if (problems.length > 0) {
    console.error(`electronegativity: ${String(problems.length)} problem(s):`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(
      `electronegativity ${String(result.atomicChecks + result.globalChecks)} checks, Electron ${electronVersion}: ${String(judged)} high/medium findings, each explained`,
    );
  }
} finally {
  rmSync(staged, { recursive: true, force: true });
}
