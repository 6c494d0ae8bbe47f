import { describe, expect, it } from 'vitest';
import { parseSwiftMessage, type SwiftField } from '../../src/swift-mt/index.js';
import { fullMt700, PUBLIC_SAMPLES, readFixture } from './fixtures/index.js';

const tags = (fields: readonly SwiftField[]) => fields.map((field) => field.tag);
const valueFor = (fields: readonly SwiftField[], tag: string) =>
  fields.find((field) => field.tag === tag)?.value;

describe('parseSwiftMessage reads the public Prowide samples', () => {
  it('MT700 (ValidationEngineTest): headers, 20 fields in order, multi-line values, the old field 48 form', () => {
    const message = parseSwiftMessage(readFixture(PUBLIC_SAMPLES.mt700), { validate: false });
    expect(message.type).toBe('700');
    expect(message.blocks).toEqual({
      basicHeader: {
        applicationId: 'F',
        serviceId: '01',
        logicalTerminal: 'CARBVEC0AXXX',
        sessionNumber: '5480',
        sequenceNumber: '000053',
      },
      applicationHeader: {
        direction: 'I',
        messageType: '700',
        receiverAddress: 'BICPDVSAXXXX',
        priority: 'N',
      },
    });
    expect(tags(message.fields)).toEqual([
      '27',
      '40A',
      '20',
      '23',
      '31C',
      '40E',
      '31D',
      '50',
      '59',
      '32B',
      '41A',
      '43P',
      '43T',
      '44A',
      '44B',
      '45A',
      '46A',
      '48',
      '49',
      '57A',
    ]);
    expect(valueFor(message.fields, '20')).toBe('12345');
    expect(valueFor(message.fields, '32B')).toBe('EUR100000,');
    expect(valueFor(message.fields, '31D')).toBe('030730AMSTERDAM');
    expect(valueFor(message.fields, '50')).toBe('ABC COMPANY\nKAERNTNERSTRASSE 3\nVIENNA');
    expect(valueFor(message.fields, '41A')).toBe('AMRONL2A\nBY PAYMENT');
    expect(valueFor(message.fields, '45A')).toBe(
      '+400,000 BOTTLES OF BEER\nPACKED 12 TO AN EXPORT CARTON\n+FCA AMSTERDAM',
    );
    expect(valueFor(message.fields, '48')).toBe('WITHIN 6 DAYS OF ISSUANCE OF FCR');
    expect(message.fields[0]).toEqual({ tag: '27', value: '1/1', line: 2 });
    expect(message.fields.find((field) => field.tag === '59')?.line).toBe(12);
    expect(message.fields.at(-1)).toEqual({ tag: '57A', value: 'MEESNL2A', line: 30 });
    expect(message.errors).toEqual([]);
    expect(message.warnings).toEqual([]);
  });

  it('MT720 (MtSwiftMessageJsonSchemaTest): 21 fields, narrative with lines starting with +', () => {
    const message = parseSwiftMessage(readFixture(PUBLIC_SAMPLES.mt720), { validate: false });
    expect(message.type).toBe('720');
    expect(message.blocks.basicHeader).toEqual({
      applicationId: 'F',
      serviceId: '01',
      logicalTerminal: 'FOOHGB20A36A',
      sessionNumber: '6294',
      sequenceNumber: '534377',
    });
    expect(message.blocks.applicationHeader).toEqual({
      direction: 'I',
      messageType: '720',
      receiverAddress: 'FOOXSGS0XXXX',
      priority: 'N',
    });
    expect(message.fields).toHaveLength(21);
    expect(valueFor(message.fields, '20')).toBe('IMP124678');
    expect(valueFor(message.fields, '21')).toBe('DAE74568');
    expect(valueFor(message.fields, '32B')).toBe('GBP100000,');
    expect(valueFor(message.fields, '40B')).toBe('IRREVOCABLE\nADDING OUR CONFIRMATION');
    expect(valueFor(message.fields, '39C')?.split('\n')).toHaveLength(4);
    expect(valueFor(message.fields, '46A')?.split('\n')).toEqual([
      '+SIGNED COMMERCIAL INVOICE IN FIVE-FOLD',
      '+COMBINED TRANSPORT DOCUMENTS (FULL SET) EVIDENCING TAKING IN',
      'CHARGE OF THE MERCHANDISE AS A FULL CONTAINER LOAD FOR SHIPMENT',
      'BY OCEAN VESSEL TO ROTTERDAM ISSUED TO THE ORDER AND BLANK',
      'ENDORSED DATED NOT LATER THAN 030920',
      '+PACKING LIST IN FIVE-FOLD',
      '+DECLARATION ISSUED BY THE COMPANY UNDERSIGNING THE CTD THAT',
      'THE GOODS WILL BE SENT BY VESSEL PLYING IN REGULAR LINE SERVICE',
    ]);
    expect(valueFor(message.fields, '48')).toBe('10/CTD');
    expect(message.errors).toEqual([]);
  });

  it('MT707 and MT750 (minimal, SwiftMessageUtilsTest): five fields each, the legacy 34B kept', () => {
    const mt707 = parseSwiftMessage(readFixture(PUBLIC_SAMPLES.mt707), { validate: false });
    expect(mt707.type).toBe('707');
    expect(mt707.fields).toEqual([
      { tag: '20', value: 'FOO', line: 2 },
      { tag: '21', value: 'BAR', line: 3 },
      { tag: '32B', value: 'USD1000,', line: 4 },
      { tag: '33B', value: 'USD2000,', line: 5 },
      { tag: '34B', value: 'USD3000,', line: 6 },
    ]);
    const mt750 = parseSwiftMessage(readFixture(PUBLIC_SAMPLES.mt750), { validate: false });
    expect(mt750.type).toBe('750');
    expect(mt750.blocks.applicationHeader).toMatchObject({ receiverAddress: 'BBBBUS33XXXX' });
    expect(tags(mt750.fields)).toEqual(['20', '21', '32B', '33B', '34B']);
    expect(valueFor(mt750.fields, '34B')).toBe('USD1200,');
    expect([...mt707.errors, ...mt707.warnings, ...mt750.errors, ...mt750.warnings]).toEqual([]);
  });
});

describe('parseSwiftMessage reads the full MT700 (CRLF, blocks 1–5)', () => {
  const message = parseSwiftMessage(fullMt700(), { validate: false });

  it('decodes the output application header, block 3 and block 5', () => {
    expect(message.type).toBe('700');
    expect(message.blocks).toEqual({
      basicHeader: {
        applicationId: 'F',
        serviceId: '01',
        logicalTerminal: 'SCBLBDDXAXXX',
        sessionNumber: '4417',
        sequenceNumber: '123456',
      },
      applicationHeader: {
        direction: 'O',
        messageType: '700',
        inputTime: '1012',
        messageInputReference: '250310COBADEFFAXXX4417987654',
        outputDate: '250310',
        outputTime: '1013',
        priority: 'N',
      },
      userHeader: [
        { tag: '108', value: 'NTX25LC0417' },
        { tag: '121', value: '3f8c2a9e-5b1d-4c7e-9a64-2d0b7e1c5f93' },
      ],
      trailer: [
        { tag: 'MAC', value: '5A3C9B1F' },
        { tag: 'CHK', value: '8E2B47A0C1D9' },
      ],
    });
  });

  it('keeps all 32 fields in order with their lines; CRLF inside values becomes LF', () => {
    expect(message.fields).toHaveLength(32);
    expect(tags(message.fields).slice(0, 10)).toEqual([
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
    ]);
    expect(valueFor(message.fields, '20')).toBe('CBF25LC0004417');
    expect(valueFor(message.fields, '32B')).toBe('EUR248650,00');
    expect(valueFor(message.fields, '50')).toBe(
      'NORDTEX MODEHANDEL GMBH\nSPEICHERSTADT, AM SANDTORKAI 48\n20457 HAMBURG\nGERMANY',
    );
    const goods = message.fields.find((field) => field.tag === '45A');
    expect(goods?.line).toBe(33);
    expect(goods?.value.split('\n')).toHaveLength(13);
    expect(goods?.value).not.toContain('\r');
    expect(message.fields.find((field) => field.tag === '46A')?.line).toBe(46);
    expect(message.fields.at(-1)).toEqual({
      tag: '72Z',
      value: '/PHONBEN/\n//ADVISE BENEFICIARY BY PHONE\n//ON RECEIPT OF THIS CREDIT',
      line: 90,
    });
    expect(message.errors).toEqual([]);
    expect(message.warnings).toEqual([]);
  });
});

describe('the text block is split the way FIN splits it', () => {
  const wrap = (body: string) =>
    `{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}{4:\r\n${body}\r\n-}`;

  it('keeps repeated tags, in order', () => {
    const message = parseSwiftMessage(
      wrap(':20:REF\r\n:71D:FIRST\r\n:45A:GOODS\r\n:71D:SECOND\r\n:71D:THIRD'),
      { validate: false },
    );
    expect(message.fields.map((field) => `${field.tag}=${field.value}`)).toEqual([
      '20=REF',
      '71D=FIRST',
      '45A=GOODS',
      '71D=SECOND',
      '71D=THIRD',
    ]);
  });

  it('starts a field only at :NN: or :NNA:; other lines beginning with : continue the field', () => {
    const body = [
      ':45A:+GOODS AS PER INVOICE',
      ':NOTE: NOT A TAG',
      ':2:SHORT',
      ':123:THREE DIGITS',
      ':20a:LOWER-CASE OPTION',
      ':20AB:TWO LETTERS',
      ':20',
      '-DASH LINE',
      ':46A:+INVOICE',
    ].join('\r\n');
    const message = parseSwiftMessage(wrap(body), { validate: false });
    expect(message.fields).toEqual([
      {
        tag: '45A',
        value: [
          '+GOODS AS PER INVOICE',
          ':NOTE: NOT A TAG',
          ':2:SHORT',
          ':123:THREE DIGITS',
          ':20a:LOWER-CASE OPTION',
          ':20AB:TWO LETTERS',
          ':20',
          '-DASH LINE',
        ].join('\n'),
        line: 2,
      },
      { tag: '46A', value: '+INVOICE', line: 10 },
    ]);
  });

  it('keeps blank lines and a value that ends with a blank line', () => {
    const message = parseSwiftMessage(wrap(':20:REF\r\n:79:FIRST\r\n\r\nTHIRD\r\n'), {
      validate: false,
    });
    expect(message.fields).toEqual([
      { tag: '20', value: 'REF', line: 2 },
      { tag: '79', value: 'FIRST\n\nTHIRD\n', line: 3 },
    ]);
  });

  it('keeps a lone CR inside a line (only CRLF is a line break)', () => {
    const message = parseSwiftMessage(wrap(':20:A\rB\r\n:21:C'), { validate: false });
    expect(message.fields.map((field) => field.value)).toEqual(['A\rB', 'C']);
  });
});
