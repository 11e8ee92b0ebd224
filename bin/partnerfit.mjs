#!/usr/bin/env node
// The `partnerfit` executable: loads the TypeScript sources through tsx, so the
// package runs without a build step, and hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
