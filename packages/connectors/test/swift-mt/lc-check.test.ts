import { readFileSync } from 'node:fs';
import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  checkLetterOfCredit,
  LC_FINDING_CODES,
  type LcFindingCode,
  type LcFindingSeverity,
  parseSwiftMessage,
} from '../../src/swift-mt/index.js';
import type { SwiftField } from '../../src/swift-mt/types.js';
import { insertField, mt700Fields, mt700Text, withField } from './mt700-sample.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const today = new Date('2025-03-20T12:00:00Z');

function check(fields: SwiftField[], mode: 'strict' | 'lenient' = 'lenient') {
  return checkLetterOfCredit(mt700Text(fields), { today, mode });
}

describe('checkLetterOfCredit on a good LC', () => {
  it('has no finding at all on the sample and sums up its terms exactly', () => {
    const result = check(mt700Fields(), 'strict');
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toEqual({
      documentaryCreditNumber: 'LC2025000123',
      formOfCredit: 'IRREVOCABLE',
      applicableRules: 'UCP LATEST VERSION',
      dateOfIssue: '2025-03-10',
      amount: money(24865000n, 'EUR'),
      tolerance: undefined,
      maximumAmount: undefined,
      minimumAmount: undefined,
      expiryDate: '2025-07-15',
      expiryPlace: 'HAMBURG',
      latestShipmentDate: '2025-06-30',
      shipmentPeriod: undefined,
      presentationDays: 14,
      presentationDaysDefaulted: false,
      lastPresentationDate: '2025-07-14',
      partialShipments: 'ALLOWED',
      transhipment: 'NOT ALLOWED',
      availableBy: 'BY NEGOTIATION',
      confirmationInstructions: 'WITHOUT',
      documentsRequired: [
        'SIGNED COMMERCIAL INVOICE',
        'FULL SET OF CLEAN ON BOARD BILLS OF LADING',
      ],
    });
  });

  it('passes the full fixture with only an advisory about presentation after expiry', () => {
    const result = checkLetterOfCredit(fixture('mt700-full.fin'), { today });
    expect(result.ok).toBe(true);
    expect(result.findings.map((finding) => [finding.severity, finding.code])).toEqual([
      ['info', 'lc.tolerance_applied'],
      ['warning', 'lc.presentation_after_expiry'],
    ]);
    expect(result.summary.maximumAmount).toEqual(money(26108250n, 'EUR'));
    expect(result.summary.minimumAmount).toEqual(money(23621750n, 'EUR'));
    expect(result.summary.documentsRequired).toHaveLength(7);
    expect(result.summary.documentsRequired[6]).toBe(
      "BENEFICIARY'S CERTIFICATE STATING THAT ONE SET OF NON-NEGOTIABLE DOCUMENTS HAS BEEN SENT TO THE APPLICANT BY COURIER WITHIN 5 DAYS AFTER SHIPMENT",
    );
    expect(result.summary.lastPresentationDate).toBe('2025-07-15');
  });

  it('takes a parsed message as well as the text', () => {
    const message = parseSwiftMessage(fixture('mt700-full.fin'));
    expect(checkLetterOfCredit(message, { today })).toEqual(
      checkLetterOfCredit(fixture('mt700-full.fin'), { today }),
    );
  });
});

describe('checkLetterOfCredit money', () => {
  it('rounds the tolerance bounds explicitly: the maximum down, the minimum up', () => {
    const result = check(
      insertField(
        withField(mt700Fields(), '32B', 'EUR100,01'),
        { tag: '39A', value: '05/05' },
        '41D',
      ),
    );
    expect(result.summary.amount).toEqual(money(10001n, 'EUR'));
    expect(result.summary.maximumAmount).toEqual(money(10501n, 'EUR')); // 105.0105 → 105.01
    expect(result.summary.minimumAmount).toEqual(money(9501n, 'EUR')); // 95.0095 → 95.01
    const kwd = check(
      insertField(
        withField(mt700Fields(), '32B', 'KWD1000,125'),
        { tag: '39A', value: '10/00' },
        '41D',
      ),
    );
    expect(kwd.summary.maximumAmount).toEqual(money(1100137n, 'KWD'));
    expect(kwd.summary.minimumAmount).toEqual(money(1000125n, 'KWD'));
  });
});

type Scenario = {
  code: LcFindingCode;
  severity: LcFindingSeverity;
  input: () => string;
  options?: { today?: Date; mode?: 'strict' | 'lenient' };
  tags?: string[];
};

const text = (fields: SwiftField[]) => () => mt700Text(fields);
const sample = mt700Fields;
const tolerance = (value: string) => insertField(sample(), { tag: '39A', value }, '41D');

const SCENARIOS: Scenario[] = [
  { code: 'lc.unreadable', severity: 'error', input: () => 'this is not a SWIFT message' },
  {
    code: 'lc.not_mt700',
    severity: 'error',
    input: () => fixture('prowide-core_MT750_SwiftMessageUtilsTest.txt'),
  },
  {
    code: 'lc.amount_invalid',
    severity: 'error',
    input: text(withField(sample(), '32B', 'JPY100,5')),
    tags: ['32B'],
  },
  {
    code: 'lc.amount_invalid',
    severity: 'error',
    input: text(withField(sample(), '32B', undefined)),
    tags: ['32B'],
  },
  {
    code: 'lc.amount_not_positive',
    severity: 'error',
    input: text(withField(sample(), '32B', 'EUR0,')),
    tags: ['32B'],
  },
  {
    code: 'lc.tolerance_applied',
    severity: 'info',
    input: text(tolerance('05/05')),
    tags: ['32B', '39A'],
  },
  {
    code: 'lc.tolerance_high',
    severity: 'warning',
    input: text(tolerance('15/10')),
    tags: ['39A'],
  },
  {
    code: 'lc.expiry_invalid',
    severity: 'error',
    input: text(withField(sample(), '31D', '251301HAMBURG')),
    tags: ['31D'],
  },
  {
    code: 'lc.expiry_invalid',
    severity: 'error',
    input: text(withField(sample(), '31D', undefined)),
    tags: ['31D'],
  },
  {
    code: 'lc.expiry_before_issue',
    severity: 'error',
    input: text(withField(withField(sample(), '31D', '250305HAMBURG'), '44C', '250304')),
    tags: ['31C', '31D'],
  },
  {
    code: 'lc.expired',
    severity: 'error',
    input: text(sample()),
    options: { today: new Date('2025-07-16T00:00:00Z') },
    tags: ['31D'],
  },
  {
    code: 'lc.expiry_before_shipment',
    severity: 'error',
    input: text(withField(sample(), '44C', '250720')),
    tags: ['31D', '44C'],
  },
  {
    code: 'lc.shipment_before_issue',
    severity: 'warning',
    input: text(withField(sample(), '44C', '250301')),
    tags: ['31C', '44C'],
  },
  {
    code: 'lc.shipment_date_and_period',
    severity: 'error',
    input: text(insertField(sample(), { tag: '44D', value: 'JUNE 2025' }, '45A')),
    tags: ['44C', '44D'],
  },
  {
    code: 'lc.no_shipment_date',
    severity: 'info',
    input: text(withField(sample(), '44C', undefined)),
    tags: ['44C', '44D'],
  },
  {
    code: 'lc.presentation_period_default',
    severity: 'info',
    input: text(withField(sample(), '48', undefined)),
    tags: ['48'],
  },
  {
    code: 'lc.presentation_period_unreadable',
    severity: 'warning',
    input: () => fixture('prowide-integrator-examples_MT700_ValidationEngineTest.txt'),
    options: { today: new Date('2003-05-20T00:00:00Z'), mode: 'lenient' },
    tags: ['48'],
  },
  {
    code: 'lc.presentation_exceeds_validity',
    severity: 'warning',
    input: text(withField(sample(), '48', '200')),
    tags: ['48', '31C', '31D'],
  },
  {
    code: 'lc.presentation_after_expiry',
    severity: 'warning',
    input: text(withField(sample(), '48', '21/FROM B/L DATE')),
    tags: ['44C', '48', '31D'],
  },
  {
    code: 'lc.partial_shipments_unknown',
    severity: 'warning',
    input: text(withField(sample(), '43P', 'PERMITTED')),
    tags: ['43P'],
  },
  {
    code: 'lc.partial_shipments_not_stated',
    severity: 'info',
    input: text(withField(sample(), '43P', undefined)),
    tags: ['43P'],
  },
  {
    code: 'lc.transhipment_unknown',
    severity: 'warning',
    input: text(withField(sample(), '43T', 'PROHIBITED')),
    tags: ['43T'],
  },
  {
    code: 'lc.transhipment_not_stated',
    severity: 'info',
    input: text(withField(sample(), '43T', undefined)),
    tags: ['43T'],
  },
  {
    code: 'lc.documents_missing',
    severity: 'error',
    input: text(withField(sample(), '46A', undefined)),
    tags: ['46A'],
  },
  {
    code: 'lc.documents_missing',
    severity: 'warning',
    input: text(withField(withField(sample(), '46A', undefined), '40A', 'IRREVOCABLE STANDBY')),
    tags: ['46A'],
  },
  {
    code: 'lc.goods_missing',
    severity: 'warning',
    input: text(withField(sample(), '45A', undefined)),
    tags: ['45A'],
  },
  {
    code: 'lc.ports_missing',
    severity: 'warning',
    input: text(withField(sample(), '44F', undefined)),
    tags: ['46A', '44F'],
  },
  {
    code: 'lc.availability_details_missing',
    severity: 'warning',
    input: text(withField(sample(), '41D', 'ANY BANK\nBY DEF PAYMENT')),
    tags: ['41a', '42P'],
  },
];

describe('checkLetterOfCredit findings', () => {
  it.each(SCENARIOS)('$code ($severity)', ({ code, severity, input, options, tags }) => {
    const result = checkLetterOfCredit(input(), { today, mode: 'lenient', ...options });
    const finding = result.findings.find((candidate) => candidate.code === code);
    expect(finding).toBeDefined();
    expect(finding?.severity).toBe(severity);
    if (tags !== undefined) expect(finding?.tags).toEqual(tags);
    expect(finding?.message.length).toBeGreaterThan(10);
    expect(result.ok).toBe(!result.findings.some((candidate) => candidate.severity === 'error'));
    if (severity === 'error') expect(result.ok).toBe(false);
  });

  it('has a scenario for every finding code', () => {
    const covered = new Set(SCENARIOS.map((scenario) => scenario.code));
    expect(
      [...Object.keys(LC_FINDING_CODES)].filter((code) => !covered.has(code as LcFindingCode)),
    ).toEqual([]);
  });

  it('does not raise a finding that is not triggered', () => {
    const codes = check(sample()).findings.map((finding) => finding.code);
    expect(codes).toEqual([]);
    expect(
      check(withField(sample(), '41D', 'ANY BANK\nBY DEF PAYMENT')).findings.map((f) => f.code),
    ).toEqual(['lc.availability_details_missing']);
    const deferred = insertField(
      withField(sample(), '41D', 'ANY BANK\nBY DEF PAYMENT'),
      { tag: '42P', value: '90 DAYS AFTER B/L' },
      '43P',
    );
    expect(check(deferred).findings).toEqual([]);
    expect(check(tolerance('10/10')).findings.map((f) => f.code)).toEqual(['lc.tolerance_applied']);
  });

  it('surfaces parse and table violations as swift.<rule> findings, errors in strict mode, warnings in lenient', () => {
    const text = fixture('prowide-integrator-examples_MT700_ValidationEngineTest.txt');
    const strict = checkLetterOfCredit(text, { today: new Date('2003-05-20T00:00:00Z') });
    expect(strict.ok).toBe(false);
    expect(strict.findings).toContainEqual({
      severity: 'error',
      code: 'swift.field.format',
      message: 'Field 48 line 1: part 3n expects 1 to 3 digits at column 1 (format 3n[/35x])',
      tags: ['48'],
    });
    expect(strict.findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'swift.usage.58a' }),
    );
    const lenient = checkLetterOfCredit(text, {
      today: new Date('2003-05-20T00:00:00Z'),
      mode: 'lenient',
    });
    expect(lenient.ok).toBe(true);
    expect(lenient.findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'swift.field.format' }),
    );
    expect(lenient.summary.documentsRequired).toEqual([
      'SIGNED COMMERCIAL INVOICE IN QUINTUPLICATE',
      'FORWARDING AGENTS CERTIFICATE OF RECEIPT SHOWING GOODS',
      'ADDRESSED TO THE APPLICANT',
    ]);
    expect(lenient.summary.presentationDays).toBeUndefined();
  });

  it('reports 44C with 44D once, as the LC finding', () => {
    const result = check(
      insertField(sample(), { tag: '44D', value: 'JUNE 2025' }, '45A'),
      'strict',
    );
    expect(result.findings.map((finding) => finding.code)).toEqual(['lc.shipment_date_and_period']);
  });

  it('reads a bare text block as an MT700', () => {
    const bare = mt700Fields()
      .map((field) => `:${field.tag}:${field.value}`)
      .join('\n');
    expect(checkLetterOfCredit(bare, { today }).findings).toEqual([]);
  });

  it('refuses bad options and inputs with a typed error, and never echoes the input', () => {
    expect(() => checkLetterOfCredit(mt700Text(sample()), { mode: 'fast' as 'strict' })).toThrow(
      ValidationError,
    );
    expect(() => checkLetterOfCredit(mt700Text(sample()), { today: new Date('nope') })).toThrow(
      ValidationError,
    );
    expect(() => checkLetterOfCredit(42 as unknown as string)).toThrow(ValidationError);
    const secret = 'ACCOUNT 9999-SECRET';
    const result = checkLetterOfCredit(secret);
    expect(result.findings[0]?.code).toBe('lc.unreadable');
    expect(JSON.stringify(result.findings)).not.toContain('SECRET');
  });
});
