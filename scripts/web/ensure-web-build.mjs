#!/usr/bin/env node
// Builds the web page (web/ → dist/web) when the bundle is missing or older than its
// sources, so `npm start` and `npm test` never serve or test a stale page. `npm install`
// builds it anyway (the `prepare` script); this catches edits made since.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(path.join(root, 'web')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) process.exit(0);
process.stderr.write(existsSync(bundle) ? 'web page sources changed: rebuilding dist/web\n' : 'web page not built yet: building dist/web\n');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
