#!/usr/bin/env node
// Links node_modules/.bin/dyad to bin/dyad.js after install, so `npx dyad` in a checkout runs this project's
// command at once (npx otherwise resolves a project's own bin through its cache, slowly, and on npm 11 it
// fails on every run after the first).
import { existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
const link = join(binDir, 'dyad');
if (existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  try {
    if (lstatSync(link)) unlinkSync(link);
  } catch {
    // no link yet
  }
  symlinkSync(relative(binDir, join(root, 'bin', 'dyad.js')), link);
}
