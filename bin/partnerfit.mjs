#!/usr/bin/env node
// The `partnerfit` executable: loads the TypeScript sources through tsx, so the
// package runs without a build step, and hands over to the CLI.
import { importTypeScript } from '../src/workers/typescript-loader.mjs';

const { runCli } = await importTypeScript(new URL('../src/cli/main.ts', import.meta.url).href, ['kysely', 'zod', '@electric-sql/pglite', 'pg', 'commander', 'csv-parse']);
await runCli(process.argv.slice(2));
