#!/usr/bin/env node
// The `vitrine` command. The CLI is TypeScript run through tsx, so `npx vitrine` works right after
// `npm ci` with no build step; packaged apps bundle the same entry instead.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
