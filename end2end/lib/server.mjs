// Starts the release server for a test of its own (on its own address, often with its
// own copy of the content), and waits until it answers.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Runs `target/release/server ...args` on `address` with the built bundle and `env`
 * added, and resolves once `readyPath` answers 200. Returns the child process.
 */
export async function startServer(args, { address, env = {}, readyPath = '/' }) {
  const server = spawn(join(ROOT, 'target', 'release', 'server'), args, {
    cwd: ROOT,
    env: {
      ...process.env,
      LEPTOS_OUTPUT_NAME: 'site',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_SITE_ADDR: address,
      ...env,
    },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`http://${address}${readyPath}`)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((done) => setTimeout(done, 200));
  }
  server.kill();
  throw new Error(`the server did not start on ${address}`);
}
