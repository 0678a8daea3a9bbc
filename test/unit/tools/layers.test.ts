import { ESLint, Linter } from 'eslint';
import { join, resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import vitrine from '../../../tools/eslint/layers.js';

const root = '/repo';
const linter = new Linter({ configType: 'flat', cwd: root });

function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parser: tseslint.parser },
          plugins: { vitrine },
          rules: { 'vitrine/layers': ['error', { root }] },
        },
      ],
      { filename: `${root}/${file}` },
    )
    .map((m) => m.message);
}

describe('the layer rule (DESIGN.md dependency directions)', () => {
  const cases: [file: string, code: string, allowed: boolean][] = [
    ['shared/barcode/a.ts', "import { x } from '../catalog/types.js';", true],
    ['shared/barcode/a.ts', "import { readFileSync } from 'node:fs';", false],
    ['shared/barcode/a.ts', "import fs from 'fs';", false],
    ['shared/barcode/a.ts', "import { openCatalog } from '../../main/runtime/catalog/index.js';", false],
    ['shared/barcode/a.ts', "import { x } from '../../kiosk-config/index.js';", false],
    ['shared/barcode/a.ts', "export * from '../../server/x.js';", false],
    ['kiosk-config/a.ts', "import { x } from '../shared/barcode/index.js';", true],
    ['kiosk-config/a.ts', "import { z } from 'zod';", true],
    ['kiosk-config/a.ts', "import { createHash } from 'node:crypto';", false],
    ['main/runtime/catalog/a.ts', "import Database from 'better-sqlite3';", true],
    // The device catalog store is a layer of its own (the hub builds catalog images with it).
    ['main/runtime/catalog/a.ts', "import { x } from '../../../kiosk-config/index.js';", false],
    ['main/runtime/catalog/a.ts', "import { x } from '../sync/index.js';", false],
    ['main/runtime/catalog/a.ts', "import { x } from '../../../shared/protocol/index.js';", true],
    ['main/runtime/sync/a.ts', "import { x } from '../catalog/index.js';", true],
    ['main/runtime/catalog/a.ts', "import { app } from 'electron';", false],
    ['main/runtime/catalog/a.ts', "import { x } from '../../host/server.js';", false],
    ['main/runtime/catalog/a.ts', "import { x } from '../../../renderer/App.js';", false],
    ['main/runtime/catalog/a.ts', "const m = await import('../../electron/main.js');", false],
    ['main/host/a.ts', "import { x } from '../runtime/catalog/index.js';", true],
    ['main/host/a.ts', "import { x } from '../electron/window.js';", false],
    ['main/electron/a.ts', "import { app } from 'electron';", true],
    ['main/electron/a.ts', "import { x } from '../../server/hub.js';", false],
    ['renderer/screens/Home.tsx', "import { useState } from 'react';", true],
    ['renderer/screens/Home.tsx', "import { x } from '../../shared/catalog/views.js';", true],
    ['renderer/screens/Home.tsx', "import Database from 'better-sqlite3';", false],
    ['renderer/screens/Home.tsx', "import { x } from '../../main/runtime/catalog/index.js';", false],
    ['renderer/screens/Home.tsx', "const fs = require('node:fs');", false],
    ['server/hub.ts', "import { x } from '../main/runtime/catalog/index.js';", true],
    ['server/hub.ts', "import { x } from '../main/runtime/sync/index.js';", false],
    ['server/hub.ts', "import { x } from '../main/host/server.js';", false],
    ['server/hub.ts', "import { x } from '../kiosk-config/index.js';", true],
    ['scripts/cli/a.ts', "import { x } from '../../main/runtime/catalog/index.js';", true],
    ['scripts/cli/a.ts', "import { x } from '../../test/support/temp.js';", false],
    ['test/unit/a.ts', "import { x } from '../../main/electron/main.js';", true],
  ];
  it.each(cases)('%s: %s → allowed %s', (file, code, allowed) => {
    const found = problems(file, code);
    if (allowed) expect(found).toEqual([]);
    else expect(found.join('\n')).toMatch(/may not import/);
  });

  it('is switched on in the project ESLint config', async () => {
    const repo = resolve(import.meta.dirname, '../../..');
    const eslint = new ESLint({ cwd: repo });
    const config = (await eslint.calculateConfigForFile(
      join(repo, 'shared/barcode/gtin.ts'),
    )) as Linter.Config;
    expect(config.rules?.['vitrine/layers']).toEqual([2, { root: repo }]);
  });
});
