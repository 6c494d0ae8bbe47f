import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { buildSwiftMessage, parseSwiftMessage } from '../../src/swift-mt/index.js';
import { type Mt707Input, readMt707, writeMt707 } from '../../src/swift-mt/mt/mt707.js';

const IDENTIFICATION: Mt707Input = {
  sendersReference: 'AMD-0001',
  receiversReference: 'NONREF',
  issuingBanksReference: 'LC-2024-0042',
  dateOfIssue: '2024-03-01',
  numberOfAmendment: 2,
  dateOfAmendment: '2024-04-15',
  purposeOfMessage: 'ADVI',
};

const LONG_CONDITION =
  'THE BENEFICIARY MUST PRESENT A CERTIFICATE OF ORIGIN ISSUED BY THE CHAMBER OF COMMERCE OF THE COUNTRY OF EXPORT';

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('writeMt707', () => {
  it('writes the fields in table order, with the amounts and dates in SWIFT form', () => {
    const message = writeMt707({
      ...IDENTIFICATION,
      issuingBank: { bic: 'ISSUBEBBXXX' },
      increaseOfAmount: money(1_250_050n, 'EUR'),
      expiry: { date: '2024-12-31', place: 'BRUSSELS' },
      applicableRules: { rules: 'OTHR', narrative: 'URDG 758' },
      tolerance: { plusPercent: 10, minusPercent: 5 },
      additionalConditions: [
        { code: 'DELETE', text: '+INSPECTION CERTIFICATE' },
        { code: 'ADD', text: `+${LONG_CONDITION}` },
      ],
      amendmentChargePayableBy: { code: 'BENE' },
      adviseThroughBank: { location: 'ANTWERP', partyIdentifier: 'D/12345' },
    });

    expect(message.type).toBe('707');
    expect(message.fields).toEqual([
      { tag: '27', value: '1/1' },
      { tag: '20', value: 'AMD-0001' },
      { tag: '21', value: 'NONREF' },
      { tag: '23', value: 'LC-2024-0042' },
      { tag: '52A', value: 'ISSUBEBBXXX' },
      { tag: '31C', value: '240301' },
      { tag: '26E', value: '2' },
      { tag: '30', value: '240415' },
      { tag: '22A', value: 'ADVI' },
      { tag: '40E', value: 'OTHR/URDG 758' },
      { tag: '31D', value: '241231BRUSSELS' },
      { tag: '32B', value: 'EUR12500,50' },
      { tag: '39A', value: '10/5' },
      {
        tag: '47B',
        value: [
          '/DELETE/+INSPECTION CERTIFICATE',
          '/ADD/+THE BENEFICIARY MUST PRESENT A CERTIFICATE OF ORIGIN ISSUED',
          'BY THE CHAMBER OF COMMERCE OF THE COUNTRY OF EXPORT',
        ].join('\n'),
      },
      { tag: '71N', value: 'BENE' },
      { tag: '57B', value: '/D/12345\nANTWERP' },
    ]);
  });

  it('wraps 35-character narratives (39C, 71D, 72Z) at 35 and 65-character ones (78) at 65', () => {
    const text =
      'FREIGHT CHARGES UP TO USD 2000 IN EXCESS OF THE CREDIT AMOUNT AGAINST FREIGHT NOTE';
    const { fields } = writeMt707({
      ...IDENTIFICATION,
      additionalAmountsCovered: text,
      senderToReceiverInformation: 'PLEASE ADVISE THE BENEFICIARY WITHOUT ADDING YOUR CONFIRMATION',
      instructionsToBank: `${LONG_CONDITION} ${LONG_CONDITION}`,
    });
    const value = (tag: string) => fields.find((field) => field.tag === tag)?.value ?? '';

    expect(value('39C').split('\n')).toEqual([
      'FREIGHT CHARGES UP TO USD 2000 IN',
      'EXCESS OF THE CREDIT AMOUNT AGAINST',
      'FREIGHT NOTE',
    ]);
    expect(
      value('72Z')
        .split('\n')
        .every((line) => line.length <= 35),
    ).toBe(true);
    const instructions = value('78').split('\n');
    expect(instructions).toHaveLength(4);
    expect(instructions.every((line) => line.length <= 65)).toBe(true);
    expect(instructions.slice(0, -1).every((line) => line.length > 55)).toBe(true);
    expect(instructions.join(' ')).toBe(`${LONG_CONDITION} ${LONG_CONDITION}`);
  });

  it('sets the message type of the given block 2 and builds a FIN message that parses back', () => {
    const message = writeMt707(
      { ...IDENTIFICATION, decreaseOfAmount: money(100_000n, 'USD') },
      {
        basicHeader: {
          applicationId: 'F',
          serviceId: '01',
          logicalTerminal: 'ISSUBEBBAXXX',
          sessionNumber: '0001',
          sequenceNumber: '000042',
        },
        applicationHeader: {
          direction: 'I',
          messageType: '700',
          receiverAddress: 'ADVIDEFFXXXX',
          priority: 'N',
        },
      },
    );
    const text = buildSwiftMessage(message);

    expect(
      text.startsWith('{1:F01ISSUBEBBAXXX0001000042}{2:I707ADVIDEFFXXXXN}{4:\r\n:27:1/1\r\n'),
    ).toBe(true);
    const parsed = parseSwiftMessage(text);
    expect(parsed.errors).toEqual([]);
    expect(readMt707(parsed).decreaseOfAmount).toEqual(money(100_000n, 'USD'));
  });

  it('a cancellation request is 23S alone after 22A', () => {
    const { fields } = writeMt707({ ...IDENTIFICATION, cancellationRequest: 'CANCEL' });
    expect(fields.slice(-2)).toEqual([
      { tag: '22A', value: 'ADVI' },
      { tag: '23S', value: 'CANCEL' },
    ]);
  });

  it('rejects an input that breaks a network rule, naming the input properties', () => {
    const error = errorOf(() =>
      writeMt707({
        ...IDENTIFICATION,
        cancellationRequest: 'CANCEL',
        increaseOfAmount: money(100n, 'EUR'),
        decreaseOfAmount: money(50n, 'EUR'),
      }),
    );

    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['increaseOfAmount'], code: 'rule.C1' }),
      expect.objectContaining({ path: ['decreaseOfAmount'], code: 'rule.C1' }),
      expect.objectContaining({ path: ['decreaseOfAmount'], code: 'rule.C2' }),
    ]);
  });

  it('rejects malformed values: a bad date, a reference too long, a narrative over its lines', () => {
    const error = errorOf(() =>
      writeMt707({
        ...IDENTIFICATION,
        sendersReference: 'A-REFERENCE-OF-20-CH',
        dateOfAmendment: '2024-02-30',
        charges: 'CHARGES '.repeat(40),
        purposeOfMessage: 'ISCO',
      }),
    );
    const paths = error.issues.map((issue) => [issue.path.join('.'), issue.code]);

    expect(paths).toContainEqual(['dateOfAmendment', 'invalid_date']);
    expect(paths).toContainEqual(['charges', 'too_many_lines']);
    expect(paths).toContainEqual(['sendersReference', 'field.width']);
    expect(paths).toContainEqual(['dateOfAmendment', 'field.mandatory']);
    expect(paths).toContainEqual(['purposeOfMessage', 'field.code']);
    expect(error.message).toMatch(/does not make a valid MT707/);
  });

  it('rejects a money in a currency SWIFT cannot carry, and text outside the X set', () => {
    const error = errorOf(() =>
      writeMt707({
        ...IDENTIFICATION,
        increaseOfAmount: { amount: 100n, currency: 'XYZ' } as never,
        placeOfTakingInCharge: 'KÖLN',
      }),
    );
    const codes = error.issues.map((issue) => [issue.path.join('.'), issue.code]);

    expect(codes).toContainEqual(['increaseOfAmount', 'unknown_currency']);
    expect(codes).toContainEqual(['placeOfTakingInCharge', 'field.charset']);
  });
});
