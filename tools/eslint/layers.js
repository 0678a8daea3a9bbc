// @ts-check
/**
 * ESLint rule `vitrine/layers`: the dependency directions of ../shared/DESIGN.md as a build error.
 *
 * Why our own rule: `no-restricted-imports` matches import strings, and a relative path that
 * crosses a layer looks different from every depth (`../main/…`, `../../main/…`), while
 * import-resolver plugins silently pass what they cannot resolve. Resolving the specifier against
 * the importing file and looking both up in one table is what VS Code's code-layering rule does.
 * The per-layer tsconfig projects enforce the same boundaries for relative imports (TS6307).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Layer of a repo-relative path, or null for files outside the layered tree (config files, tools). */
export function layerOf(relativePath) {
  const p = relativePath.split(path.sep).join('/');
  if (p.startsWith('main/runtime/catalog/')) return 'device-catalog';
  if (p.startsWith('main/runtime/')) return 'runtime';
  if (p.startsWith('main/host/')) return 'host';
  if (p.startsWith('main/electron/')) return 'electron';
  const top = p.split('/')[0];
  return top && ['shared', 'kiosk-config', 'renderer', 'server', 'scripts', 'test'].includes(top)
    ? top
    : null;
}

/** Which layers each layer may import from (relative imports). */
export const allowedLayers = {
  shared: ['shared'],
  'kiosk-config': ['kiosk-config', 'shared'],
  // The device's catalog store (SQLite schema, writer, sync apply): a layer of its own because
  // the hub builds catalog images with this same code (server/catalog/images.ts), so the file a
  // device copies in is exactly what it would have written itself. It knows nothing of the
  // runtime around it.
  'device-catalog': ['device-catalog', 'shared'],
  runtime: ['runtime', 'device-catalog', 'shared', 'kiosk-config'],
  host: ['host', 'runtime', 'device-catalog', 'shared', 'kiosk-config'],
  electron: ['electron', 'runtime', 'device-catalog', 'shared', 'kiosk-config'],
  renderer: ['renderer', 'shared'],
  server: ['server', 'device-catalog', 'shared', 'kiosk-config'],
  scripts: ['scripts', 'runtime', 'device-catalog', 'host', 'server', 'shared', 'kiosk-config'],
  test: null, // tests may reach every layer
};

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that tie code to a platform: only the layers listed may import them. */
const platformPackages = [
  {
    test: (/** @type {string} */ s) => nodeBuiltins.has(s) || s.startsWith('node:'),
    name: 'Node built-in modules',
    layers: ['device-catalog', 'runtime', 'host', 'electron', 'server', 'scripts', 'test'],
  },
  {
    test: (/** @type {string} */ s) => s === 'electron' || s.startsWith('electron/'),
    name: 'electron',
    layers: ['electron', 'test'],
  },
  {
    test: (/** @type {string} */ s) => /^(react|react-dom|three|@react-three\/)/.test(s),
    name: 'UI libraries',
    layers: ['renderer', 'test'],
  },
  {
    test: (/** @type {string} */ s) => /^(better-sqlite3|node-hid|usb)(\/|$)/.test(s),
    name: 'native modules',
    layers: ['device-catalog', 'runtime', 'host', 'server', 'scripts', 'test'],
  },
];

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer dependency rules of DESIGN.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      layer:
        "Layer '{{from}}' may not import from layer '{{to}}' ({{spec}}). Allowed: {{allowed}}. See ../shared/DESIGN.md.",
      outside: "Layer '{{from}}' may not import '{{spec}}', which is outside the layered tree.",
      platform: "Layer '{{from}}' may not import {{what}} ('{{spec}}'). See ../shared/DESIGN.md.",
    },
  },
  create(context) {
    const root = /** @type {{root?: string}|undefined} */ (context.options[0])?.root ?? context.cwd;
    const file = context.filename;
    const from = layerOf(path.relative(root, file));
    if (from === null) return {};
    const allowed = allowedLayers[/** @type {keyof typeof allowedLayers} */ (from)];

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      if (value.startsWith('.')) {
        if (allowed === null) return;
        const target = path.relative(root, path.resolve(path.dirname(file), value));
        const to = layerOf(target);
        if (to === null) {
          context.report({ node, messageId: 'outside', data: { from, spec: value } });
        } else if (!allowed.includes(to)) {
          context.report({
            node,
            messageId: 'layer',
            data: { from, to, spec: value, allowed: allowed.join(', ') },
          });
        }
        return;
      }
      for (const rule of platformPackages) {
        if (rule.test(value) && !rule.layers.includes(from)) {
          context.report({ node, messageId: 'platform', data: { from, what: rule.name, spec: value } });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        const arg = node.arguments[0];
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal')
          check(node, arg.value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
