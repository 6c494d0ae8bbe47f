import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every module `entry` reaches through static imports, and every bare specifier it imports. */
function importGraph(entry: string) {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of text.matchAll(/(?:from|import)\s+'([^']+)'/g)) {
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(resolve(src, entry));
  return { modules: [...modules].map((m) => m.slice(src.length + 1)), packages: [...packages] };
}

describe('the production entries do not need msw', () => {
  it.each(['fx/index.ts', 'fx-ecb/index.ts'])('%s', (entry) => {
    const { modules, packages } = importGraph(entry);
    expect(
      packages.filter((p) => p === 'msw' || p.startsWith('msw/') || p === '@tollgate/core/testing'),
    ).toEqual([]);
    expect(modules.filter((m) => m.includes('sandbox'))).toEqual([]);
  });

  it('the sandbox entry is where msw comes in', () => {
    expect(importGraph('fx-ecb/sandbox.ts').packages).toContain('msw');
  });
});
