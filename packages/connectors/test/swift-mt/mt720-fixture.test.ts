import { readFileSync } from 'node:fs';
import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { buildSwiftMessage, parseSwiftMessage } from '../../src/swift-mt/index.js';
import { readMt720, writeMt720 } from '../../src/swift-mt/mt/mt720.js';

/**
 * prowide/prowide-core src/test/java/com/prowidesoftware/swift/model/MtSwiftMessageJsonSchemaTest.java
 * (commit 05b7df2420fa37aa7d6a0fcc2718047b799c7cd0): an MT720 in the SR2018+ form.
 */
const MT720 = readFileSync(
  new URL('./fixtures/prowide-core_MT720_MtSwiftMessageJsonSchemaTest.txt', import.meta.url),
  'utf8',
);

const GOODS = [
  '+400 FUEL TANKS MODEL 1320 AA CONT. 10 GALL.',
  '+120 CLUTCHES 4 GANGS MODEL A 154',
  '+800 CYLINDERS 150CCMODEL C45-15',
  '+600 REAR WHEELS COMPLETE 28 IN MAGNESIUM MODEL MW 123-28',
  '+120 FUEL-INJECTION SETS COMPLETE MODEL A 156-F',
  '+FCA SINGAPORE',
].join('\n');

const DOCUMENTS = [
  '+SIGNED COMMERCIAL INVOICE IN FIVE-FOLD',
  '+COMBINED TRANSPORT DOCUMENTS (FULL SET) EVIDENCING TAKING IN',
  'CHARGE OF THE MERCHANDISE AS A FULL CONTAINER LOAD FOR SHIPMENT',
  'BY OCEAN VESSEL TO ROTTERDAM ISSUED TO THE ORDER AND BLANK',
  'ENDORSED DATED NOT LATER THAN 030920',
  '+PACKING LIST IN FIVE-FOLD',
  '+DECLARATION ISSUED BY THE COMPANY UNDERSIGNING THE CTD THAT',
  'THE GOODS WILL BE SENT BY VESSEL PLYING IN REGULAR LINE SERVICE',
].join('\n');

describe('MT720 fixture (prowide-core)', () => {
  it('is valid in strict mode', () => {
    const message = parseSwiftMessage(MT720, { mode: 'strict' });

    expect(message.type).toBe('720');
    expect(message.errors).toEqual([]);
    expect(message.warnings).toEqual([]);
    expect(message.fields).toHaveLength(21);
  });

  it('reads every field into the typed model', () => {
    const { fields: _fields, ...read } = readMt720(parseSwiftMessage(MT720));

    expect(read).toEqual({
      sequenceOfTotal: { number: 1, total: 1 },
      form: { type: 'IRREVOCABLE', confirmation: 'ADDING OUR CONFIRMATION' },
      transferringBanksReference: 'IMP124678',
      documentaryCreditNumber: 'DAE74568',
      dateOfIssue: '2013-07-21',
      applicableRules: { rules: 'UCP LATEST VERSION' },
      expiry: { date: '2013-09-30', place: 'LONDON' },
      issuingBank: { option: 'A', bic: 'FOOBARXX' },
      firstBeneficiary: ['LONDON MOTOSPARES LTD', '12 CYCLE SQUARE', 'UK/LONDON'],
      secondBeneficiary: { lines: ['CYCLIST LTD', '498 WHEELER ST', 'SG/SINGAPORE'] },
      amount: money(10000000n, 'GBP'),
      additionalAmountsCovered: [
        'FREIGHT MAY BE PAID IN EXCESS OF',
        'CREDIT AMOUNT AGAINST FREIGHTNOTE',
        'IN WHICH CASE CTD TO BE STAMPED',
        'FREIGHT PREPAID',
      ].join('\n'),
      availableWith: { bic: 'FOOHGB2L', by: 'BY PAYMENT' },
      partialShipments: 'NOT ALLOWED',
      transhipment: 'ALLOWED',
      placeOfTakingInCharge: 'SINGAPORE',
      placeOfFinalDestination: 'ROTTERDAM',
      goodsDescription: GOODS,
      documentsRequired: DOCUMENTS,
      presentationPeriod: { days: 10, narrative: 'CTD' },
      confirmationInstructions: 'WITHOUT',
    });
  });

  it('keeps the raw fields with their lines', () => {
    const read = readMt720(parseSwiftMessage(MT720));

    expect(read.fields[1]).toEqual({
      tag: '40B',
      value: 'IRREVOCABLE\nADDING OUR CONFIRMATION',
      line: 3,
    });
    expect(read.fields.at(-1)).toEqual({ tag: '49', value: 'WITHOUT', line: 43 });
  });

  it('writes the read model back to the same fields, the amount with its currency decimals', () => {
    const parsed = parseSwiftMessage(MT720);
    const { fields: _fields, ...read } = readMt720(parsed);
    const { issuingBank, expiry, ...rest } = read;
    const written = writeMt720(
      {
        ...(rest as Required<typeof rest>),
        issuingBank: { bic: issuingBank?.bic ?? '' },
        expiry: { date: expiry?.date ?? '', place: expiry?.place ?? '' },
      },
      parsed.blocks,
    );

    const expected = parsed.fields.map(({ tag, value }) =>
      tag === '32B' ? { tag, value: 'GBP100000,00' } : { tag, value },
    );
    expect(written.fields).toEqual(expected);
    expect(buildSwiftMessage(written, { lineEnding: '\n' })).toBe(
      MT720.trimEnd().replace(':32B:GBP100000,\n', ':32B:GBP100000,00\n'),
    );
  });
});
