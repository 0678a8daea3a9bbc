// Electron's `process.parentPort` for a plain Node child started with child_process.fork: what a
// utility process gets from Electron, here over Node's IPC channel ('advanced' serialization is
// the same structured clone). Loaded with `--import` by the runtime-process tests.
import process from 'node:process';

process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data, ports: [] }));
  },
  postMessage(message) {
    process.send?.(message);
  },
};
