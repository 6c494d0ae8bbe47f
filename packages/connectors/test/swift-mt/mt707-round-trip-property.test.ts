import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapSwiftText } from '../../src/swift-mt/index.js';
import { type Mt707, type Mt707Input, readMt707, writeMt707 } from '../../src/swift-mt/mt/mt707.js';
import { bankInput, buildAndParseBack, sentHeaders, tagsAndValues } from './model-round-trip.js';
import { mt707Input } from './mt707-arbitraries.js';

const HEADERS = sentHeaders('707', 'BANKBEBBAXXX', 'BANKDEFFXXXX');

/** The input that a read MT707 stands for (what `writeMt707` needs to write it again). */
function inputOf(read: Mt707): Mt707Input {
  const {
    fields: _fields,
    expiry,
    issuingBank,
    drawee,
    requestedConfirmationParty,
    ...rest
  } = read;
  const { reimbursingBank, adviseThroughBank, ...values } = rest;
  const changes = (list: Mt707['goodsDescription']) =>
    list?.map((change) => ({
      code: change.code as 'ADD' | 'DELETE' | 'REPALL',
      text: change.text,
    }));
  return {
    ...(values as Mt707Input),
    ...(expiry === undefined ? {} : { expiry: { date: expiry.date ?? '', place: expiry.place } }),
    issuingBank: bankInput(issuingBank),
    drawee: bankInput(drawee),
    requestedConfirmationParty: bankInput(requestedConfirmationParty),
    reimbursingBank: bankInput(reimbursingBank),
    adviseThroughBank: bankInput(adviseThroughBank),
    goodsDescription: changes(read.goodsDescription),
    documentsRequired: changes(read.documentsRequired),
    additionalConditions: changes(read.additionalConditions),
    specialPaymentConditionsForBeneficiary: changes(read.specialPaymentConditionsForBeneficiary),
    specialPaymentConditionsForReceivingBank: changes(
      read.specialPaymentConditionsForReceivingBank,
    ),
  };
}

describe('MT707 write → build → parse → read on generated valid inputs', () => {
  it('parses in strict mode with no error, gives back the written fields and the input values', () => {
    fc.assert(
      fc.property(mt707Input, (input) => {
        const written = writeMt707(input, HEADERS);
        const parsed = buildAndParseBack(written);

        const read = readMt707(parsed);
        expect(read.sendersReference).toBe(input.sendersReference);
        expect(read.dateOfIssue).toBe(input.dateOfIssue);
        expect(read.dateOfAmendment).toBe(input.dateOfAmendment);
        expect(read.numberOfAmendment).toBe(input.numberOfAmendment);
        expect(read.increaseOfAmount).toEqual(input.increaseOfAmount);
        expect(read.decreaseOfAmount).toEqual(input.decreaseOfAmount);
        expect(read.expiry).toEqual(input.expiry);
        expect(read.latestDateOfShipment).toBe(input.latestDateOfShipment);
        if (input.instructionsToBank !== undefined) {
          expect(read.instructionsToBank).toBe(wrapSwiftText(input.instructionsToBank, 65));
          expect(read.instructionsToBank?.replaceAll('\n', ' ')).toBe(input.instructionsToBank);
        }
        if (input.charges !== undefined) {
          expect(read.charges).toBe(wrapSwiftText(input.charges, 35));
        }
        expect(read.goodsDescription?.map((change) => change.code)).toEqual(
          input.goodsDescription?.map((change) => change.code),
        );
        expect(read.goodsDescription?.map((change) => change.text.replaceAll('\n', ' '))).toEqual(
          input.goodsDescription?.map((change) => change.text),
        );

        expect(tagsAndValues(writeMt707(inputOf(read)).fields)).toEqual(
          tagsAndValues(written.fields),
        );
      }),
      { numRuns: 150 },
    );
  });
});
