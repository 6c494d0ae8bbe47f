import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const ENTRIES = ['logistics', 'dhl-express', 'fedex', 'ups', 'maersk', 'msc'].map((folder) =>
  join(SRC, folder, 'index.ts'),
);
const IMPORT = /(?:import|export)\s[^'"]*?from\s+'([^']+)'/g;
const SANDBOX_ONLY_PACKAGES = new Set(['msw', '@tollgate/core/testing']);

/** Every module an entry loads, following relative imports; and the packages they import. */
async function importGraph(entry: string) {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const [, specifier = ''] of text.matchAll(IMPORT)) {
      if (specifier.startsWith('.'))
        await visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  await visit(entry);
  return { modules: [...seen].map((file) => relative(SRC, file)), packages: [...packages] };
}

describe('production entry points do not load msw', () => {
  it.each(ENTRIES.map((entry) => [relative(SRC, entry), entry]))(
    '%s reaches no sandbox module and no msw',
    async (_name, entry) => {
      const { modules, packages } = await importGraph(entry);
      expect(packages.filter((name) => SANDBOX_ONLY_PACKAGES.has(name))).toEqual([]);
      expect(modules.filter((module) => /sandbox/.test(module))).toEqual([]);
      expect(
        packages.every(
          (name) => name === '@tollgate/core' || name === 'zod' || name.startsWith('node:'),
        ),
      ).toBe(true);
    },
  );
});
