#!/usr/bin/env node
// Entry point for every command. Plain JS so the version check runs before any TypeScript is loaded.
import './check-node.mjs';

await import('../src/server/cli.ts');
