#!/usr/bin/env node
// The `partnerfit` executable: loads the TypeScript sources through tsx, so the
// package runs without a build step, and hands over to the CLI.
// Read before anything loads (so the import below is not a static one, which would run first):
// `serve` started by npm stops when this parent is gone, and loading takes seconds in which npm may
// go and another process adopt this one.
const parentPid = process.ppid;
const { importTypeScript } = await import('../src/workers/typescript-loader.mjs');

const { runCli } = await importTypeScript(new URL('../src/cli/main.ts', import.meta.url).href, ['kysely', 'zod', '@electric-sql/pglite', 'pg', 'commander', 'csv-parse']);
await runCli(process.argv.slice(2), { parentPid });
