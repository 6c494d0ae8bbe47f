/**
 * fast-check arbitraries of valid MT707 and MT720 inputs (typed models), for
 * the write → build → parse → read property tests. Text is made of words of
 * the X character set that start with a letter or digit, so no wrapped line
 * starts with `/`, `:` or `-`.
 */
import { type Money, money } from '@tollgate/core';
import fc from 'fast-check';
import type { BankFieldInput, NarrativeChangeInput } from '../../src/swift-mt/index.js';
import {
  CONFIRMATION_CODES,
  FORM_OF_CREDIT_CODES,
  SHIPMENT_CODES,
} from '../../src/swift-mt/mt/documentary-credit-fields.js';
import {
  APPLICABLE_RULES_CODES,
  AVAILABLE_BY_CODES,
} from '../../src/swift-mt/mt/documentary-credit-rules.js';
import type { Mt707Input } from '../../src/swift-mt/mt/mt707.js';
import {
  AMENDMENT_CHARGE_CODES,
  AMENDMENT_PURPOSE_CODES,
} from '../../src/swift-mt/mt/mt707-spec.js';
import type { Mt720Input } from '../../src/swift-mt/mt/mt720.js';
import {
  TRANSFER_CONFIRMATION_CODES,
  TRANSFER_FORM_TYPES,
} from '../../src/swift-mt/mt/mt720-spec.js';

/** The longest generated word: every wrapped line keeps at least `width - WORD` characters. */
const WORD = 12;

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.,()'+?-]{0,11}$/);

/** One line of words, at most `width` characters. */
export function line(width: number): fc.Arbitrary<string> {
  return fc
    .array(word, { minLength: 1, maxLength: Math.ceil(width / 4) })
    .map((words) => words.join(' '))
    .filter((text) => text.length <= width);
}

/** Up to `maxLines` lines of at most `width` characters (a name and address). */
export function lines(width: number, maxLines: number): fc.Arbitrary<string[]> {
  return fc.array(line(width), { minLength: 1, maxLength: maxLines });
}

/** One paragraph that wrapping at `width` fits in `maxLines` lines. */
export function paragraph(width: number, maxLines: number): fc.Arbitrary<string> {
  const budget = Math.max(width, (width - WORD) * (maxLines - 1));
  return fc
    .array(word, { minLength: 1, maxLength: Math.min(40, Math.ceil(budget / 6)) })
    .map((words) => words.join(' '))
    .filter((text) => text.length <= budget);
}

/** A `16x` reference: no leading or trailing `/`, no `//`. */
export const reference = fc
  .stringMatching(/^[A-Z0-9][A-Z0-9/-]{0,14}$/)
  .filter((value) => !value.endsWith('/') && !value.includes('//'));

/** An ISO date SWIFT's two-digit years can carry (1980–2079). */
export const isoDate = fc
  .date({
    min: new Date('1980-01-01T00:00:00Z'),
    max: new Date('2079-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Money in a few currencies of 0, 2 and 3 decimals, up to 15 characters as `3!a15d`. */
export const amount: fc.Arbitrary<Money> = fc
  .tuple(
    fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'BHD', 'KWD'),
    fc.bigInt({ min: 1n, max: 10n ** 12n }),
  )
  .map(([currency, minor]) => money(minor, currency));

const bic = fc.stringMatching(/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/);
const partyIdentifier = fc.option(fc.stringMatching(/^(?:[CD]\/)?[A-Z0-9]{1,20}$/), {
  nil: undefined,
});

function withIdentifier<T extends object>(party: T, identifier: string | undefined): T {
  return identifier === undefined ? party : { ...party, partyIdentifier: identifier };
}

/** A bank field of option A or D (`B` too when `withLocation`). */
export function bank(withLocation = false): fc.Arbitrary<BankFieldInput> {
  const options: fc.Arbitrary<BankFieldInput>[] = [
    fc.tuple(bic, partyIdentifier).map(([code, id]) => withIdentifier({ bic: code }, id)),
    fc
      .tuple(lines(35, 4), partyIdentifier)
      .map(([name, id]) => withIdentifier({ nameAndAddress: name }, id)),
  ];
  if (withLocation) {
    options.push(
      fc.tuple(line(35), partyIdentifier).map(([location, id]) => withIdentifier({ location }, id)),
    );
  }
  return fc.oneof(...options);
}

const applicableRules = fc.oneof(
  fc.constantFrom(...APPLICABLE_RULES_CODES).map((rules) => ({ rules })),
  line(35).map((narrative) => ({ rules: 'OTHR', narrative })),
);

const availableWith = fc.oneof(
  fc.tuple(bic, fc.constantFrom(...AVAILABLE_BY_CODES)).map(([code, by]) => ({ bic: code, by })),
  fc
    .tuple(lines(35, 4), fc.constantFrom(...AVAILABLE_BY_CODES))
    .map(([nameAndAddress, by]) => ({ nameAndAddress, by })),
);

const expiry = fc.record({ date: isoDate, place: line(29) });
const tolerance = fc.record({
  plusPercent: fc.integer({ min: 0, max: 99 }),
  minusPercent: fc.integer({ min: 0, max: 99 }),
});
const presentationPeriod = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map((days) => ({ days })),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), line(35))
    .map(([days, narrative]) => ({ days, narrative })),
);
const beneficiary = fc.record(
  { account: fc.stringMatching(/^[A-Z0-9]{1,34}$/), lines: lines(35, 4) },
  { requiredKeys: ['lines'] },
);

/** ADD/DELETE changes, or one REPALL, each text one paragraph (≤ 100 lines in all). */
const changes: fc.Arbitrary<NarrativeChangeInput[]> = fc.oneof(
  paragraph(65, 10).map((text) => [{ code: 'REPALL' as const, text }]),
  fc.array(
    fc.record({ code: fc.constantFrom('ADD' as const, 'DELETE' as const), text: paragraph(65, 8) }),
    { minLength: 1, maxLength: 4 },
  ),
);

/** The 42C/42a, 42M or 42P payment terms: at most one group (MT720 C1/C2). */
const paymentTerms = fc.oneof(
  fc.constant({}),
  fc.record({ draftsAt: paragraph(35, 3), drawee: bank() }),
  fc.record({ mixedPaymentDetails: paragraph(35, 4) }),
  fc.record({ deferredPaymentDetails: paragraph(35, 4) }),
);

const shipmentDate = fc.oneof(
  fc.constant({}),
  isoDate.map((latestDateOfShipment) => ({ latestDateOfShipment })),
  paragraph(65, 6).map((shipmentPeriod) => ({ shipmentPeriod })),
);

/** The optional terms MT707 and MT720 share (no 42 group, no 44C/44D, no 58a: added per MT). */
const sharedTerms = fc.record(
  {
    tolerance,
    additionalAmountsCovered: paragraph(35, 4),
    partialShipments: fc.constantFrom(...SHIPMENT_CODES),
    transhipment: fc.constantFrom(...SHIPMENT_CODES),
    placeOfTakingInCharge: line(140),
    portOfLoading: line(140),
    portOfDischarge: line(140),
    placeOfFinalDestination: line(140),
    charges: paragraph(35, 6),
    presentationPeriod,
    instructionsToBank: paragraph(65, 12),
    adviseThroughBank: bank(true),
    senderToReceiverInformation: paragraph(35, 6),
  },
  { requiredKeys: [] },
);

/** The amendment details of an MT707 (everything after 23S). */
const amendmentDetails = fc
  .tuple(
    sharedTerms,
    fc.record(
      {
        formOfCredit: fc.constantFrom(...FORM_OF_CREDIT_CODES),
        applicableRules,
        expiry,
        changedApplicantDetails: lines(35, 4),
        beneficiary,
        availableWith,
        draftsAt: paragraph(35, 3),
        drawee: bank(),
        mixedPaymentDetails: paragraph(35, 4),
        deferredPaymentDetails: paragraph(35, 4),
        goodsDescription: changes,
        documentsRequired: changes,
        additionalConditions: changes,
        specialPaymentConditionsForBeneficiary: changes,
        specialPaymentConditionsForReceivingBank: changes,
        amendmentChargePayableBy: fc.oneof(
          fc.constantFrom(...AMENDMENT_CHARGE_CODES).map((code) => ({ code })),
          paragraph(35, 6).map((narrative) => ({ code: 'OTHR', narrative })),
        ),
        confirmationInstructions: fc.constantFrom(...CONFIRMATION_CODES),
        requestedConfirmationParty: bank(),
        reimbursingBank: bank(),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      fc.constant({}),
      amount.map((increaseOfAmount) => ({ increaseOfAmount })),
      amount.map((decreaseOfAmount) => ({ decreaseOfAmount })),
    ),
    shipmentDate,
  )
  .map(([shared, own, amounts, shipment]) => ({ ...shared, ...own, ...amounts, ...shipment }));

/** The issuer of the credit: the sender (nothing), 52a or 50B, never both. */
const issuer = fc.oneof(
  fc.constant({}),
  bank().map((issuingBank) => ({ issuingBank })),
  lines(35, 4).map((nonBankIssuer) => ({ nonBankIssuer })),
);

/** A valid MT707 input: an amendment with details, or a cancellation request without any. */
export const mt707Input: fc.Arbitrary<Mt707Input> = fc
  .tuple(
    fc.record({
      sendersReference: reference,
      receiversReference: reference,
      issuingBanksReference: reference,
      dateOfIssue: isoDate,
      numberOfAmendment: fc.integer({ min: 0, max: 999 }),
      dateOfAmendment: isoDate,
      purposeOfMessage: fc.constantFrom(...AMENDMENT_PURPOSE_CODES),
    }),
    issuer,
    fc.oneof(
      { weight: 4, arbitrary: amendmentDetails },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            cancellationRequest: fc.constant('CANCEL'),
            senderToReceiverInformation: paragraph(35, 6),
          },
          { requiredKeys: ['cancellationRequest'] },
        ),
      },
    ),
  )
  .map(([identification, who, details]) => ({ ...identification, ...who, ...details }));

/** A valid MT720 input. */
export const mt720Input: fc.Arbitrary<Mt720Input> = fc
  .tuple(
    fc.record({
      form: fc.record({
        type: fc.constantFrom(...TRANSFER_FORM_TYPES),
        confirmation: fc.constantFrom(...TRANSFER_CONFIRMATION_CODES),
      }),
      transferringBanksReference: reference,
      documentaryCreditNumber: reference,
      dateOfIssue: isoDate,
      applicableRules,
      expiry,
      firstBeneficiary: lines(35, 4),
      secondBeneficiary: beneficiary,
      amount,
      availableWith,
      confirmationInstructions: fc.constantFrom(...CONFIRMATION_CODES),
    }),
    fc.oneof(
      bank().map((issuingBank) => ({ issuingBank })),
      lines(35, 4).map((nonBankIssuer) => ({ nonBankIssuer })),
    ),
    sharedTerms,
    paymentTerms,
    shipmentDate,
    fc.record(
      {
        goodsDescription: paragraph(65, 30),
        documentsRequired: paragraph(65, 30),
        additionalConditions: paragraph(65, 30),
        specialPaymentConditionsForBeneficiary: paragraph(65, 20),
        specialPaymentConditionsForBankOnly: paragraph(65, 20),
        requestedConfirmationParty: bank(),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([main, who, shared, payment, shipment, rest]) => ({
    ...main,
    ...who,
    ...shared,
    ...payment,
    ...shipment,
    ...rest,
  }));
