// Entry of the catalog writer thread (writer-thread.ts). A worker thread does not inherit the
// TypeScript loader the runtime was started with (`--import tsx`), so when the runtime runs from
// its TypeScript sources this registers tsx in the thread before loading the worker module.
import { workerData } from 'node:worker_threads';

const { module } = workerData;
if (module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(module);
