import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as swiftMt from '../../src/swift-mt/index.js';

/** The package README's SWIFT MT section (up to the next connector's section). */
const README = (() => {
  const whole = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = whole.indexOf('## SWIFT MT codec');
  return whole.slice(start, whole.indexOf('\n## ', start + 1));
})();

/** The first ```ts block after the `### Example` heading, exactly as the README shows it. */
function exampleCode(markdown: string): string {
  const section = markdown.slice(markdown.indexOf('### Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('the README has no ```ts example');
  return match[1] as string;
}

/**
 * The example as a function body: each `import { … } from 'module'` becomes
 * `const { … } = modules['module']`, so the code runs as written against
 * `src/` without a build.
 */
function runnable(code: string): string {
  return code.replace(
    /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';$/gm,
    (_, names: string, module: string) => `const {${names}} = modules[${JSON.stringify(module)}];`,
  );
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

it('the README example runs as written and prints what its comments say', async () => {
  const code = exampleCode(README);
  expect(code).toContain("from '@tollgate/connectors/swift-mt'");
  const log: unknown[] = [];
  const console = {
    log: (...values: unknown[]) => log.push(values.length === 1 ? values[0] : values),
  };
  const modules = { '@tollgate/connectors/swift-mt': swiftMt };

  await new AsyncFunction('modules', 'console', runnable(code))(modules, console);

  expect(log).toEqual([
    [[], { amount: 24865000n, currency: 'EUR' }, { date: '2025-07-15', place: 'DHAKA' }],
    [true, { amount: 26108250n, currency: 'EUR' }, '2025-07-15'],
    [
      'lc.tolerance_applied',
      'lc.presentation_after_expiry',
      'lc.partial_shipments_not_stated',
      'lc.transhipment_not_stated',
    ],
    true,
  ]);
});

it('the README says what the example message with two bad fields gives', async () => {
  const modules = { '@tollgate/connectors/swift-mt': swiftMt };
  const quiet = { log: () => undefined };
  const fin = (await new AsyncFunction(
    'modules',
    'console',
    `${runnable(exampleCode(README))}\nreturn fin;`,
  )(modules, quiet)) as string;
  const broken = fin
    .replace(':32B:EUR248650,00', ':32B:EUR248650')
    .replace(':44C:250630', ':44C:250631');
  const { errors } = swiftMt.parseSwiftMessage(broken);
  expect(errors).toEqual([
    {
      rule: 'field.format',
      tag: '32B',
      line: 10,
      message:
        'Field 32B line 1: part 15d at column 4 needs a decimal comma (e.g. 1000,) (format 3!a15d)',
    },
    { rule: 'rule.T50', tag: '44C', line: 14, message: 'Field 44C: 250631 is not a valid date' },
  ]);
  for (const issue of errors) expect(README.replace(/\n/g, ' ')).toContain(issue.message);
});

it('the README lists every LC finding code and every rule id of the parser and validator', () => {
  for (const code of Object.keys(swiftMt.LC_FINDING_CODES)) expect(README).toContain(`\`${code}\``);
  for (const rule of [
    ...Object.keys(swiftMt.SWIFT_PARSE_RULES),
    ...Object.keys(swiftMt.TEXT_BLOCK_RULES),
  ]) {
    expect(README).toContain(`\`${rule}\``);
  }
});
