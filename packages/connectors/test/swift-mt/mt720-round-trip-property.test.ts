import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapSwiftText } from '../../src/swift-mt/index.js';
import { type Mt720, type Mt720Input, readMt720, writeMt720 } from '../../src/swift-mt/mt/mt720.js';
import { bankInput, buildAndParseBack, sentHeaders, tagsAndValues } from './model-round-trip.js';
import { mt720Input } from './mt707-arbitraries.js';

const HEADERS = sentHeaders('720', 'BANKGB2LAXXX', 'BANKSGSGXXXX');

/** The input that a read MT720 stands for (what `writeMt720` needs to write it again). */
function inputOf(read: Mt720): Mt720Input {
  const {
    fields: _fields,
    expiry,
    issuingBank,
    drawee,
    requestedConfirmationParty,
    ...rest
  } = read;
  const { adviseThroughBank, ...values } = rest;
  return {
    ...(values as Mt720Input),
    expiry: { date: expiry?.date ?? '', place: expiry?.place ?? '' },
    issuingBank: bankInput(issuingBank),
    drawee: bankInput(drawee),
    requestedConfirmationParty: bankInput(requestedConfirmationParty),
    adviseThroughBank: bankInput(adviseThroughBank),
  };
}

describe('MT720 write → build → parse → read on generated valid inputs', () => {
  it('parses in strict mode with no error, gives back the written fields and the input values', () => {
    fc.assert(
      fc.property(mt720Input, (input) => {
        const written = writeMt720(input, HEADERS);
        const parsed = buildAndParseBack(written);

        const read = readMt720(parsed);
        expect(read.form).toEqual(input.form);
        expect(read.transferringBanksReference).toBe(input.transferringBanksReference);
        expect(read.amount).toEqual(input.amount);
        expect(read.dateOfIssue).toBe(input.dateOfIssue);
        expect(read.expiry).toEqual(input.expiry);
        expect(read.applicableRules).toEqual(input.applicableRules);
        expect(read.availableWith).toEqual(input.availableWith);
        expect(read.secondBeneficiary).toEqual(input.secondBeneficiary);
        expect(read.presentationPeriod).toEqual(input.presentationPeriod);
        if (input.goodsDescription !== undefined) {
          expect(read.goodsDescription).toBe(wrapSwiftText(input.goodsDescription, 65));
          expect(read.goodsDescription?.replaceAll('\n', ' ')).toBe(input.goodsDescription);
        }
        if (input.additionalAmountsCovered !== undefined) {
          expect(read.additionalAmountsCovered).toBe(
            wrapSwiftText(input.additionalAmountsCovered, 35),
          );
        }

        expect(tagsAndValues(writeMt720(inputOf(read)).fields)).toEqual(
          tagsAndValues(written.fields),
        );
      }),
      { numRuns: 150 },
    );
  });
});
