// The extraction worker when the pool runs from the TypeScript sources (under vitest, which compiles only
// its own thread): the worker and @dyad/extraction are compiled with SWC (a dev dependency; the built
// server never loads this) into a temporary folder, once per process, so the worker runs the same sources.
// Ahead of time rather than through module hooks: Node 20 crashes a process that starts a worker with
// hooks after terminating another.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SOURCES = ['libs/vocabulary/src', 'libs/extraction/src', 'libs/ingestion/src/extraction/extraction.worker.ts'];
const LIBS = ['vocabulary', 'extraction'];

let compiled;

/** The file URL of the compiled worker. */
export function sourceWorker() {
  return (compiled ??= compile());
}

function resolvePackage(spec) {
  try {
    return import.meta.resolve(spec);
  } catch {
    return null;
  }
}

function compile() {
  const out = join(tmpdir(), `dyad-extraction-worker-${process.pid}`);
  mkdirSync(out, { recursive: true });
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  // (recursive: the language packs are folders of their own, lang/<code>/)
  const files = SOURCES.flatMap((path) => (path.endsWith('.ts') ? [path] : readdirSync(join(ROOT, path), { recursive: true }).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts')).map((name) => `${path}/${name}`)));
  for (const file of files) {
    let { code } = transformFileSync(join(ROOT, file), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } });
    const target = join(out, file.replace(/\.ts$/, '.js'));
    for (const lib of LIBS) {
      const index = relative(join(target, '..'), join(out, `libs/${lib}/src/index.js`));
      code = code.replaceAll(new RegExp(`(["'])@dyad/${lib}\\1`, 'g'), JSON.stringify(index.startsWith('.') ? index : `./${index}`));
    }
    // packages (jalaali-js) are found from the repository's node_modules, not from the temporary folder
    code = code.replaceAll(/(\bfrom\s*|\bimport\s*)(["'])(@?[a-z][\w.\-]*(?:\/[\w.\-]+)*)\2/g, (all, lead, q, spec) =>
      spec.startsWith('@dyad/') ? all : `${lead}${JSON.stringify(resolvePackage(spec) ?? spec)}`,
    );
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, code);
  }
  return new URL(`file://${join(out, 'libs/ingestion/src/extraction/extraction.worker.js')}`).href;
}
