import { readFileSync } from 'node:fs';
import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  type Mt700Input,
  parseSwiftMessage,
  readMt700,
  type SwiftBlocks,
  writeMt700,
} from '../../src/swift-mt/index.js';
import { mt700Fields, mt700Text, withField } from './mt700-sample.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const HEADERS: SwiftBlocks = {
  basicHeader: {
    applicationId: 'F',
    serviceId: '01',
    logicalTerminal: 'COBADEFFAXXX',
    sessionNumber: '0000',
    sequenceNumber: '000000',
  },
  applicationHeader: {
    direction: 'I',
    messageType: '700',
    receiverAddress: 'SCBLBDDXAXXX',
    priority: 'N',
  },
};

function roundTrip(input: Mt700Input) {
  const written = writeMt700(input, HEADERS);
  const text = buildSwiftMessage(written);
  const parsed = parseSwiftMessage(text);
  return { written, text, parsed, read: readMt700(parsed) };
}

function modelOf(read: ReturnType<typeof readMt700>): Omit<typeof read, 'fields' | 'issues'> {
  const { fields: _fields, issues: _issues, ...model } = read;
  return model;
}

const INPUT: Mt700Input = {
  formOfCredit: 'IRREVOCABLE',
  documentaryCreditNumber: 'LC2025000123',
  referenceToPreAdvice: 'PREADV/250303',
  dateOfIssue: '2025-03-10',
  applicableRules: { rules: 'UCP LATEST VERSION' },
  expiry: { date: '2025-07-15', place: 'HAMBURG' },
  applicantBank: { bic: 'COBADEFFXXX' },
  applicant: ['NORDTEX MODEHANDEL GMBH', '20457 HAMBURG'],
  beneficiary: { account: '0012345678901', lines: ['DHAKA KNITWEAR EXPORTS LTD', 'DHAKA'] },
  amount: money(24865000n, 'EUR'),
  tolerance: { plusPercent: 5, minusPercent: 5 },
  additionalAmountsCovered: 'INSURANCE UP TO 110 PCT',
  availableWith: { nameAndAddress: ['ANY BANK IN BANGLADESH'], by: 'BY NEGOTIATION' },
  draftsAt: '60 DAYS AFTER SIGHT',
  drawee: { partyIdentifier: 'D/4711', bic: 'COBADEFFXXX' },
  partialShipments: 'ALLOWED',
  transhipment: 'NOT ALLOWED',
  placeOfTakingInCharge: 'DHAKA, BANGLADESH',
  portOfLoading: 'CHATTOGRAM PORT, BANGLADESH',
  portOfDischarge: 'HAMBURG PORT, GERMANY',
  placeOfFinalDestination: 'HAMBURG, GERMANY',
  latestShipmentDate: '2025-06-30',
  goodsDescription: '+100 PCT COTTON GARMENTS\n+FOB CHATTOGRAM, INCOTERMS 2020',
  documentsRequired: '+SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS\n+PACKING LIST',
  additionalConditions: '+ALL DOCUMENTS IN ENGLISH',
  specialPaymentConditionsForBeneficiary: 'PAYMENT AFTER RECEIPT OF FUNDS',
  specialPaymentConditionsForBank: 'REIMBURSEMENT ONLY AT MATURITY',
  charges: 'ALL CHARGES OUTSIDE GERMANY\nFOR BENEFICIARY',
  presentationPeriod: { days: 21, narrative: 'FROM THE DATE OF SHIPMENT' },
  confirmationInstructions: 'MAY ADD',
  requestedConfirmationParty: { bic: 'SCBLBDDXXXX' },
  reimbursingBank: { nameAndAddress: ['DEUTSCHE BANK AG', 'FRANKFURT'] },
  instructionsToBank: 'FORWARD ALL DOCUMENTS IN ONE LOT BY COURIER',
  adviseThroughBank: { location: 'DHAKA' },
  senderToReceiverInformation: '/PHONBEN/',
};

describe('readMt700', () => {
  it('reads every value of the full fixture exactly', () => {
    const lc = readMt700(parseSwiftMessage(fixture('mt700-full.fin')));
    expect(lc.issues).toEqual([]);
    expect(lc.amount).toEqual({ amount: 24865000n, currency: 'EUR' });
    expect(lc.amount?.amount).toBe(24865000n);
    expect(modelOf(lc)).toMatchObject({
      sequenceOfTotal: { number: 1, total: 1 },
      formOfCredit: 'IRREVOCABLE',
      documentaryCreditNumber: 'CBF25LC0004417',
      referenceToPreAdvice: 'PREADV/250303',
      dateOfIssue: '2025-03-10',
      applicableRules: { rules: 'UCP LATEST VERSION' },
      expiry: { date: '2025-07-15', place: 'DHAKA BANGLADESH' },
      applicantBank: { bic: 'COBADEFFXXX' },
      applicant: [
        'NORDTEX MODEHANDEL GMBH',
        'SPEICHERSTADT, AM SANDTORKAI 48',
        '20457 HAMBURG',
        'GERMANY',
      ],
      beneficiary: {
        account: '0012345678901',
        lines: [
          'DHAKA KNITWEAR EXPORTS LTD',
          'PLOT 27-29, DEPZ, GANAKBARI',
          'SAVAR, DHAKA 1349',
          'BANGLADESH',
        ],
      },
      tolerance: { plusPercent: 5, minusPercent: 5 },
      availableWith: { nameAndAddress: ['ANY BANK IN BANGLADESH'], by: 'BY NEGOTIATION' },
      draftsAt: '60 DAYS AFTER SIGHT\nFOR 100 PCT OF INVOICE VALUE',
      drawee: { bic: 'COBADEFFXXX' },
      partialShipments: 'ALLOWED',
      transhipment: 'NOT ALLOWED',
      placeOfTakingInCharge: 'DHAKA, BANGLADESH',
      portOfLoading: 'CHATTOGRAM PORT, BANGLADESH',
      portOfDischarge: 'HAMBURG PORT, GERMANY',
      placeOfFinalDestination: 'HAMBURG, GERMANY',
      latestShipmentDate: '2025-06-30',
      charges:
        'ALL BANKING CHARGES OUTSIDE\nGERMANY INCLUDING REIMBURSEMENT\nCHARGES ARE FOR ACCOUNT OF\nBENEFICIARY',
      presentationPeriod: { days: 21, narrative: 'FROM THE DATE OF SHIPMENT' },
      confirmationInstructions: 'WITHOUT',
      reimbursingBank: { bic: 'DEUTDEFFXXX' },
      adviseThroughBank: { bic: 'SCBLBDDXXXX' },
      senderToReceiverInformation:
        '/PHONBEN/\n//ADVISE BENEFICIARY BY PHONE\n//ON RECEIPT OF THIS CREDIT',
    });
    expect(lc.goodsDescription?.split('\n')).toHaveLength(13);
    expect(lc.documentsRequired?.startsWith('+SIGNED COMMERCIAL INVOICE IN 3 ORIGINALS')).toBe(
      true,
    );
    expect(lc.fields).toHaveLength(32);
  });

  it('reads what a bank really sent in lenient mode: the old 48 stays raw, the rest is typed', () => {
    const lc = readMt700(
      parseSwiftMessage(fixture('prowide-integrator-examples_MT700_ValidationEngineTest.txt'), {
        mode: 'lenient',
      }),
    );
    expect(lc.amount).toEqual(money(10000000n, 'EUR'));
    expect(lc.dateOfIssue).toBe('2003-05-17');
    expect(lc.expiry).toEqual({ date: '2003-07-30', place: 'AMSTERDAM' });
    expect(lc.availableWith).toEqual({ bic: 'AMRONL2A', by: 'BY PAYMENT' });
    expect(lc.applicant).toEqual(['ABC COMPANY', 'KAERNTNERSTRASSE 3', 'VIENNA']);
    expect(lc.beneficiary).toEqual({ lines: ['AMDAM COMPANY', 'PO BOX 123', 'AMSTERDAM'] });
    expect(lc.presentationPeriod).toBeUndefined();
    expect(lc.fields.find((field) => field.tag === '48')?.value).toBe(
      'WITHIN 6 DAYS OF ISSUANCE OF FCR',
    );
  });

  it('parses the decimal comma exactly for every currency exponent', () => {
    const read = (value: string) =>
      readMt700(
        parseSwiftMessage(mt700Text(withField(mt700Fields(), '32B', value)), { mode: 'lenient' }),
      );
    expect(read('EUR1234,5').amount).toEqual(money(123450n, 'EUR'));
    expect(read('EUR0,01').amount).toEqual(money(1n, 'EUR'));
    expect(read('JPY1500000,').amount).toEqual(money(1500000n, 'JPY'));
    expect(read('KWD1000,125').amount).toEqual(money(1000125n, 'KWD'));
    expect(read('USD12345678901,23').amount?.amount).toBe(1234567890123n);
    expect(read('EUR10,500').amount).toEqual(money(1050n, 'EUR'));
  });

  it('leaves an amount with more decimals than its currency out, with an issue', () => {
    const lc = readMt700(
      parseSwiftMessage(mt700Text(withField(mt700Fields(), '32B', 'JPY100,5')), {
        mode: 'lenient',
      }),
    );
    expect(lc.amount).toBeUndefined();
    expect(lc.issues).toEqual([
      {
        rule: 'value.amount',
        tag: '32B',
        line: 13,
        message: 'Field 32B has more decimals than JPY has minor units',
      },
    ]);
    const unknown = readMt700(
      parseSwiftMessage(mt700Text(withField(mt700Fields(), '32B', 'XAU100,')), { mode: 'lenient' }),
    );
    expect(unknown.issues[0]?.message).toContain('XAU, which is not an ISO 4217 code');
  });

  it('reads dates with the fixed century pivot and reports impossible ones', () => {
    const read = (value: string) =>
      readMt700({
        type: '700',
        blocks: {},
        fields: withField(mt700Fields(), '31C', value),
        errors: [],
        warnings: [],
      });
    expect(read('991231').dateOfIssue).toBe('1999-12-31');
    expect(read('800101').dateOfIssue).toBe('1980-01-01');
    expect(read('791231').dateOfIssue).toBe('2079-12-31');
    expect(read('240229').dateOfIssue).toBe('2024-02-29');
    const bad = read('250230');
    expect(bad.dateOfIssue).toBeUndefined();
    expect(bad.issues).toEqual([expect.objectContaining({ rule: 'value.date', tag: '31C' })]);
  });
});

describe('writeMt700', () => {
  it('writes every field in table order, builds, parses without issue and reads back equal', () => {
    const { written, text, parsed, read } = roundTrip(INPUT);
    expect(written.type).toBe('700');
    expect(written.fields.map((field) => field.tag)).toEqual([
      '27',
      '40A',
      '20',
      '23',
      '31C',
      '40E',
      '31D',
      '51A',
      '50',
      '59',
      '32B',
      '39A',
      '39C',
      '41D',
      '42C',
      '42A',
      '43P',
      '43T',
      '44A',
      '44E',
      '44F',
      '44B',
      '44C',
      '45A',
      '46A',
      '47A',
      '49G',
      '49H',
      '71D',
      '48',
      '49',
      '58A',
      '53D',
      '78',
      '57B',
      '72Z',
    ]);
    expect(text).toContain(':32B:EUR248650,00\r\n');
    expect(text).toContain(':42A:/D/4711\r\nCOBADEFFXXX\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(read.issues).toEqual([]);
    expect(modelOf(read)).toEqual({ ...INPUT, sequenceOfTotal: { number: 1, total: 1 } });
  });

  it('reproduces the fields of a parsed message: build(parse(m)) has m’s fields', () => {
    const original = parseSwiftMessage(fixture('mt700-full.fin'));
    const rebuilt = parseSwiftMessage(buildSwiftMessage(original));
    expect(rebuilt.fields).toEqual(original.fields);
    expect(buildSwiftMessage(original)).toBe(fixture('mt700-full.fin'));
  });

  it('wraps long narrative at 65 (z) and 35 (x) characters', () => {
    const goods = `+${'COTTON GARMENTS '.repeat(20).trim()}`;
    const charges =
      'ALL BANKING CHARGES OUTSIDE GERMANY INCLUDING REIMBURSEMENT CHARGES ARE FOR ACCOUNT OF BENEFICIARY';
    const { written, parsed, read } = roundTrip({ ...INPUT, goodsDescription: goods, charges });
    const value = (tag: string) => written.fields.find((field) => field.tag === tag)?.value ?? '';
    expect(
      value('45A')
        .split('\n')
        .every((line) => line.length <= 65),
    ).toBe(true);
    expect(value('45A').split('\n').length).toBeGreaterThan(1);
    expect(
      value('71D')
        .split('\n')
        .every((line) => line.length <= 35),
    ).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(read.goodsDescription?.replaceAll('\n', ' ')).toBe(goods);
    expect(read.charges?.replaceAll('\n', ' ')).toBe(charges);
  });

  it('refuses input that cannot make a valid MT700, naming each property', () => {
    let caught: unknown;
    try {
      writeMt700({
        ...INPUT,
        dateOfIssue: '2025-02-30',
        amount: money(1n, 'EUR'),
        formOfCredit: 'REVOCABLE',
        applicant: ['X'.repeat(36)],
        latestShipmentDate: '2025-06-30',
        shipmentPeriod: 'JUNE 2025',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const paths = (caught as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['dateOfIssue', 'formOfCredit', 'applicant', 'shipmentPeriod']),
    );
  });

  it('sets the message type of the headers it carries', () => {
    const written = writeMt700(INPUT, {
      ...HEADERS,
      applicationHeader: { direction: 'I', messageType: '103', receiverAddress: 'SCBLBDDXAXXX' },
    });
    expect(written.blocks.applicationHeader?.messageType).toBe('700');
  });
});
