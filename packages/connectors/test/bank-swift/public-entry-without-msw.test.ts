import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every module `entry` reaches through relative imports, with the bare specifiers each one imports. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (graph.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map(
      (match) => match[1] as string,
    );
    graph.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    );
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return graph;
}

describe('@tollgate/connectors/bank-swift keeps msw out of production imports', () => {
  it('reaches neither msw, core testing, nor the sandbox modules from its public entry', () => {
    const graph = moduleGraph(resolve(SRC, 'bank-swift/index.ts'));
    const files = [...graph.keys()].map((file) => file.slice(SRC.length + 1));
    expect(files).toContain('bank-swift/connector.ts');
    expect(files.filter((file) => /sandbox/.test(file))).toEqual([]);
    const bare = new Set([...graph.values()].flat());
    expect(bare.has('msw')).toBe(false);
    expect(bare.has('@tollgate/core/testing')).toBe(false);
    expect([...bare].filter((specifier) => specifier.startsWith('msw/'))).toEqual([]);
  });

  it('serves the sandbox from its own entry, which does use msw', () => {
    const graph = moduleGraph(resolve(SRC, 'bank-swift/sandbox.ts'));
    expect([...graph.values()].flat()).toContain('msw');
  });
});
