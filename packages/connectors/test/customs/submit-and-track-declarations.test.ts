import { faults, type SandboxFetch } from '@tollgate/core/testing';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { wireDeclarationRequest } from '../../src/customs/gateway-wire.js';
import type { SubmitDeclarationInput } from '../../src/customs/index.js';
import { customs } from '../../src/customs/index.js';
import { createCustomsOutbox } from '../../src/customs/sandbox.js';
import { connectCustoms } from './customs-fixtures.js';

/** A declaration that differs per territory only where the territory's rules differ. */
const declarations = [
  { countryCode: 'BD', declarationType: 'import', customsOffice: 'CHTG01', code: '6109.10.00' },
  { countryCode: 'IN', declarationType: 'import', customsOffice: 'INNSA1', code: '61091000' },
  { countryCode: 'US', declarationType: 'import', customsOffice: '2704', code: '6109.10.0012' },
  { countryCode: 'AE', declarationType: 'import', customsOffice: 'JEA01', code: '610910000000' },
  { countryCode: 'SA', declarationType: 'export', customsOffice: 'JED01', code: '61091000' },
  {
    countryCode: 'EU',
    declarationType: 'import',
    customsOffice: 'NL000396',
    code: '6109 10 00 10',
  },
  { countryCode: 'EU', declarationType: 'export', customsOffice: 'DE004800', code: '6109 10 00' },
] as const;

/** Records each declaration body the sandbox receives, then lets the sandbox answer. */
function recordDeclarations(sandbox: SandboxFetch) {
  const seen: Array<{ headers: Headers; body: z.infer<typeof wireDeclarationRequest> }> = [];
  sandbox.use(
    http.post('*/customs/declarations', async ({ request }) => {
      seen.push({
        headers: request.headers,
        body: (await request.clone().json()) as z.infer<typeof wireDeclarationRequest>,
      });
      return undefined;
    }),
  );
  return seen;
}

describe('submitDeclaration and getDeclarationStatus against the sandbox', () => {
  it.each(declarations)(
    'lodges a $countryCode $declarationType declaration and tracks it to clearance',
    async ({ countryCode, declarationType, customsOffice, code }) => {
      const { client, sandbox } = connectCustoms();
      const seen = recordDeclarations(sandbox);
      const submitted = await client.operations.submitDeclaration({
        countryCode,
        declarationType,
        declarantReference: `CLR-${countryCode}-0001`,
        customsOffice,
        commodityCodes: [code],
      });
      expect(submitted).toEqual({
        declarationId: '00000000-0000-4000-8000-000000000001',
        reference: `CLR-${countryCode}-0001`,
        status: 'submitted',
        submittedAt: '2026-03-02T09:30:00.000Z',
        countryCode,
        declarationType,
      });
      const sent = seen[0];
      expect(sent?.headers.get('accept')).toBe('application/vnd.hmrc.1.0+json');
      expect(sent?.headers.get('x-submitter-identifier')).toBe('BD000123456789');
      expect(sent?.headers.get('authorization')).toMatch(/^Bearer customs-sandbox-token-/);
      expect(sent?.body.metaData.responsibleCountryCode).toBe(countryCode);
      expect(sent?.body.declaration).toMatchObject({
        functionCode: '9',
        functionalReferenceId: `CLR-${countryCode}-0001`,
        typeCode: declarationType === 'import' ? 'IMA' : 'EXA',
        declarationOfficeId: customsOffice,
        goodsItemQuantity: 1,
      });
      expect(
        sent?.body.declaration.goodsShipment.governmentAgencyGoodsItems[0]?.commodity
          .classifications,
      ).toEqual([{ id: code.replace(/[ .]/g, ''), identificationTypeCode: 'TSP' }]);

      const status = await client.operations.getDeclarationStatus({
        declarationId: submitted.declarationId,
      });
      const territory = countryCode === 'EU' ? customsOffice.slice(0, 2) : countryCode;
      expect(status).toEqual({
        declarationId: submitted.declarationId,
        reference: `CLR-${countryCode}-0001`,
        mrn: `26${territory}SBX00000000001`,
        status: 'cleared',
        updatedAt: '2026-03-02T09:30:03.000Z',
        reasons: [],
        history: [
          { functionCode: '02', status: 'received', issuedAt: '2026-03-02T09:30:01.000Z' },
          { functionCode: '01', status: 'accepted', issuedAt: '2026-03-02T09:30:02.000Z' },
          { functionCode: '09', status: 'cleared', issuedAt: '2026-03-02T09:30:03.000Z' },
        ],
      });
    },
  );

  it('declares goods items with values, quantities and origin as WCO amounts', async () => {
    const { client, sandbox } = connectCustoms();
    const seen = recordDeclarations(sandbox);
    await client.operations.submitDeclaration({
      countryCode: 'EU',
      declarationType: 'import',
      declarantReference: 'ACC-INV-77',
      customsOffice: 'NL000396',
      commodityCodes: ['6109100010', '8471300000'],
      items: [
        {
          commodityCode: '6109.10.00.10',
          description: 'Cotton T-shirts',
          value: { amount: 1234567n, currency: 'EUR' },
          quantity: 1200,
          originCountryCode: 'BD',
        },
        { commodityCode: '8471300000', description: 'Laptops' },
      ],
      invoiceAmount: { amount: 1234567n, currency: 'EUR' },
    });
    const declaration = seen[0]?.body.declaration;
    expect(declaration?.invoiceAmount).toEqual({ value: '12345.67', currencyId: 'EUR' });
    expect(declaration?.goodsItemQuantity).toBe(2);
    expect(declaration?.goodsShipment.governmentAgencyGoodsItems).toEqual([
      {
        sequenceNumeric: 1,
        commodity: {
          description: 'Cotton T-shirts',
          classifications: [{ id: '6109100010', identificationTypeCode: 'TSP' }],
        },
        customsValueAmount: { value: '12345.67', currencyId: 'EUR' },
        quantity: 1200,
        origin: { countryCode: 'BD' },
      },
      {
        sequenceNumeric: 2,
        commodity: {
          description: 'Laptops',
          classifications: [{ id: '8471300000', identificationTypeCode: 'TSP' }],
        },
      },
    ]);
  });

  it('bills submissions as customs.submission and nothing else', () => {
    expect(customs.billableOperations).toEqual({ submitDeclaration: 'customs.submission' });
  });
});

describe('sandbox outcomes by LRN prefix', () => {
  const base = {
    countryCode: 'BD',
    declarationType: 'import',
    customsOffice: 'CHTG01',
    commodityCodes: ['61091000'],
  } satisfies Omit<SubmitDeclarationInput, 'declarantReference'>;
  const invalidCode = {
    code: 'SBX-CC-001',
    description: 'Commodity code is not valid in the national tariff for the declared date',
    pointer: 'goodsShipment.governmentAgencyGoodsItems[1].commodity.classifications[1].id',
  };
  const missingDocument = {
    code: 'SBX-DOC-001',
    description: 'A required supporting document (certificate of origin or invoice) is missing',
    pointer: 'goodsShipment.additionalDocuments',
  };

  it.each([
    ['ACC-1', 'accepted', ['02', '01'], []],
    ['acc-lower-case', 'accepted', ['02', '01'], []],
    ['REJHS-1', 'rejected', ['02', '03'], [invalidCode]],
    ['REJDOC-1', 'rejected', ['02', '03'], [missingDocument]],
    ['REJ-1', 'rejected', ['02', '03'], [invalidCode, missingDocument]],
    ['INS-1', 'held_for_inspection', ['02', '01', '05'], []],
    ['DOC-1', 'documents_required', ['02', '01', '06'], []],
    ['PND-1', 'submitted', [], []],
    ['CLR-1', 'cleared', ['02', '01', '09'], []],
    ['PO-2026-0042', 'cleared', ['02', '01', '09'], []],
  ] as const)('%s ends %s', async (reference, status, functionCodes, reasons) => {
    const { client } = connectCustoms();
    const { declarationId } = await client.operations.submitDeclaration({
      ...base,
      declarantReference: reference,
    });
    const result = await client.operations.getDeclarationStatus({ declarationId });
    expect(result.status).toBe(status);
    expect(result.history.map((entry) => entry.functionCode)).toEqual(functionCodes);
    expect(result.reasons).toEqual(reasons);
    // Customs assigns no MRN to a rejected declaration, nor before a decision.
    expect(result.mrn === null).toBe(status === 'rejected' || status === 'submitted');
  });

  it('moves step by step when the outbox releases notifications one at a time', async () => {
    const outbox = createCustomsOutbox({ release: 'manual' });
    const { client } = connectCustoms({ outbox });
    const { declarationId } = await client.operations.submitDeclaration({
      ...base,
      declarantReference: 'INS-STEP',
    });
    const statuses = [(await client.operations.getDeclarationStatus({ declarationId })).status];
    expect(outbox.scheduled).toBe(3);
    while (outbox.release()) {
      statuses.push((await client.operations.getDeclarationStatus({ declarationId })).status);
    }
    expect(statuses).toEqual(['submitted', 'received', 'accepted', 'held_for_inspection']);
    expect(outbox.take().map((callback) => callback.notification.functionCode)).toEqual([
      '02',
      '01',
      '05',
    ]);
  });

  it('answers 404 for a declaration it never received', async () => {
    const { client } = connectCustoms();
    await expect(
      client.operations.getDeclarationStatus({
        declarationId: '00000000-0000-4000-8000-000000009999',
      }),
    ).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 404 });
  });
});

describe('submission idempotency', () => {
  const input = {
    countryCode: 'IN',
    declarationType: 'import',
    declarantReference: 'ACC-IN-1',
    customsOffice: 'INNSA1',
    commodityCodes: ['84713010'],
  } satisfies SubmitDeclarationInput;

  it('retries a 503 when given an idempotency key, and the gateway declares once', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(faults.status(503, { times: 1, method: 'POST', url: '*/customs/declarations' }));
    const first = await client.operations.submitDeclaration(input, { idempotencyKey: 'session-1' });
    const again = await client.operations.submitDeclaration(input, { idempotencyKey: 'session-1' });
    expect(again).toEqual(first);
    expect(sandbox.requests.filter((r) => r.url.endsWith('/customs/declarations'))).toHaveLength(3);
    const other = await client.operations.submitDeclaration(input, { idempotencyKey: 'session-2' });
    expect(other.declarationId).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('refuses a reused key with a different declaration (409 CONFLICT)', async () => {
    const { client } = connectCustoms();
    await client.operations.submitDeclaration(input, { idempotencyKey: 'session-3' });
    await expect(
      client.operations.submitDeclaration(
        { ...input, declarantReference: 'ACC-IN-2' },
        { idempotencyKey: 'session-3' },
      ),
    ).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 409 });
  });

  it('does not retry a submission without an idempotency key', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(faults.status(503, { times: 1, method: 'POST', url: '*/customs/declarations' }));
    await expect(client.operations.submitDeclaration(input)).rejects.toMatchObject({
      code: 'upstream_error',
      upstreamStatus: 503,
    });
    expect(sandbox.requests.filter((r) => r.url.endsWith('/customs/declarations'))).toHaveLength(1);
  });

  it('refuses a 202 without an X-Conversation-ID as an UpstreamError', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(
      http.post('*/customs/declarations', () => HttpResponse.json({ ok: true }, { status: 202 })),
    );
    await expect(client.operations.submitDeclaration(input)).rejects.toMatchObject({
      code: 'upstream_error',
    });
  });
});
