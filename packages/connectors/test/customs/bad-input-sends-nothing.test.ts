import { ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { customs } from '../../src/customs/index.js';
import { customsSandbox } from '../../src/customs/sandbox.js';
import { connectCustoms, options } from './customs-fixtures.js';

const valid = {
  countryCode: 'EU',
  declarationType: 'import',
  declarantReference: 'ACC-OK-1',
  customsOffice: 'NL000396',
  commodityCodes: ['6109100010'],
} as const;

async function refused(input: Record<string, unknown>) {
  const { client, sandbox } = connectCustoms();
  const error = await client.operations
    .submitDeclaration({ ...valid, ...input } as never)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code: 'validation_failed', operation: 'submitDeclaration' });
  // Not even a token request: nothing left the process.
  expect(sandbox.requests).toHaveLength(0);
  return (error as ValidationError).issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('submitDeclaration refuses bad input with a ValidationError before sending anything', () => {
  it.each([
    ['BD', 'import', '610910', 'An import commodity code for BD has 8 digits (got 6)'],
    ['IN', 'import', '6109100012', 'An import commodity code for IN has 8 digits (got 10)'],
    ['US', 'export', '61091000', 'An export commodity code for US has 10 digits (got 8)'],
    ['SA', 'import', '6109100000', 'An import commodity code for SA has 8 or 12 digits (got 10)'],
    ['EU', 'import', '61091000', 'An import commodity code for EU has 10 digits (got 8)'],
    [
      'AE',
      'import',
      '77010000',
      'Chapter 77 is reserved in HS 2022: no goods are classified there',
    ],
  ] as const)('%s %s commodity code %s', async (countryCode, declarationType, code, message) => {
    const office = {
      BD: 'CHTG01',
      IN: 'INNSA1',
      US: '2704',
      SA: 'JED01',
      EU: 'NL000396',
      AE: 'JEA01',
    }[countryCode];
    expect(
      await refused({
        countryCode,
        declarationType,
        customsOffice: office,
        commodityCodes: [code],
      }),
    ).toEqual([['input.commodityCodes.0', message]]);
  });

  it.each([
    ['EU', 'XX000396', '"XX" is not an EU member state'],
    [
      'EU',
      'NL0396',
      'expected an EU customs office reference number: member state + 6 characters (NL000396)',
    ],
    ['US', 'LAX', 'expected a four-digit CBP port code (2704)'],
    ['IN', 'NSA1', 'expected an ICEGATE location code (INNSA1)'],
  ] as const)('%s customs office %s', async (countryCode, customsOffice, message) => {
    const codes = { EU: ['6109100010'], US: ['6109100012'], IN: ['61091000'] }[countryCode];
    expect(await refused({ countryCode, customsOffice, commodityCodes: codes })).toEqual([
      ['input.customsOffice', message],
    ]);
  });

  it('an unknown territory, declaration type, or an LRN that is too long', async () => {
    const issues = await refused({
      countryCode: 'GB',
      declarationType: 'transit',
      declarantReference: 'X'.repeat(23),
    });
    expect(issues.map(([path]) => path)).toEqual([
      'input.countryCode',
      'input.declarationType',
      'input.declarantReference',
    ]);
  });

  it('items whose code is not declared, float money, no commodity codes', async () => {
    expect(
      await refused({
        items: [
          {
            commodityCode: '6109100090',
            description: 'T-shirts',
            value: { amount: 12.5, currency: 'EUR' },
          },
        ],
      }),
    ).toEqual([
      ['input.items.0.value', 'money as { amount: bigint minor units, currency: ISO 4217 code }'],
    ]);
    expect(
      await refused({ items: [{ commodityCode: '6109100090', description: 'T-shirts' }] }),
    ).toEqual([['input.items.0.commodityCode', 'must be one of commodityCodes']]);
    expect((await refused({ commodityCodes: [] })).map(([path]) => path)).toEqual([
      'input.commodityCodes',
    ]);
  });

  it('getDeclarationStatus needs a declaration id (a UUID)', async () => {
    const { client, sandbox } = connectCustoms();
    await expect(
      client.operations.getDeclarationStatus({ declarationId: 'ACC-1' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('connect refuses a bad config or credentials (nothing sent, secrets not echoed)', () => {
    const attempt = (config: unknown, credentials: unknown) => () =>
      connectSandbox(customs, {
        config: config as never,
        credentials: credentials as never,
        sandbox: customsSandbox,
      });
    expect(attempt({ submitterIdentifier: 'GB 1234' }, options.credentials)).toThrow(
      ValidationError,
    );
    expect(attempt({ ...options.config, badgeIdentifier: 'abc' }, options.credentials)).toThrow(
      ValidationError,
    );
    let error: unknown;
    try {
      attempt(options.config, {
        ...options.credentials,
        webhookSecret: 'plain-text-secret-value',
      })();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify((error as ValidationError).toProblem())).not.toContain(
      'plain-text-secret-value',
    );
  });
});
