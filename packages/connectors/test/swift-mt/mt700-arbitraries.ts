/**
 * fast-check arbitraries of valid `Mt700Input` / `Mt750Input` values, built
 * on the format arbitraries: every generated model writes a message that
 * passes the strict table without warnings, and whose text lines already
 * fit their width (so that reading it back gives the model again).
 */
import { money } from '@tollgate/core';
import fc from 'fast-check';
import type { BankFieldInput, Mt700Input, Mt750Input } from '../../src/swift-mt/index.js';
import { arbitraryForFormat, arbitraryNarrative } from './format-arbitraries.js';

const FORMS = [
  'IRREVOCABLE',
  'IRREVOCABLE TRANSFERABLE',
  'IRREVOCABLE STANDBY',
  'IRREVOC TRANS STANDBY',
];
const RULES = [
  'UCP LATEST VERSION',
  'EUCP LATEST VERSION',
  'UCPURR LATEST VERSION',
  'EUCPURR LATEST VERSION',
  'ISP LATEST VERSION',
];
const SHIPMENT = ['ALLOWED', 'CONDITIONAL', 'NOT ALLOWED'];
const BY = ['BY ACCEPTANCE', 'BY DEF PAYMENT', 'BY MIXED PYMT', 'BY NEGOTIATION', 'BY PAYMENT'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD', 'BHD', 'CLP'];

/** `line` made not to start with `/` (which would read as an account or party identifier line). */
const noLeadingSlash = (line: string): string =>
  line.startsWith('/') ? `A${line.slice(1)}` : line;

/** One FIN-safe line of the X set, 1 to `width` characters. */
export const xLine = (width: number): fc.Arbitrary<string> => arbitraryNarrative('x', width, 1);
/** 1 to `lines` FIN-safe lines of the X set that do not start with `/` (name and address lines). */
export const nameLines = (lines: number): fc.Arbitrary<string[]> =>
  fc.array(xLine(35).map(noLeadingSlash), {
    minLength: 1,
    maxLength: lines,
  });

/** An ISO date from 1980 to 2079 (the YYMMDD range). */
export const isoDate: fc.Arbitrary<string> = fc
  .date({
    min: new Date('1980-01-01T00:00:00Z'),
    max: new Date('2079-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Money below 10^`digits` minor units: 14 digits always fit `3!a15d` (with the comma). */
export const swiftMoney = (digits = 14) =>
  fc
    .tuple(fc.constantFrom(...CURRENCIES), fc.bigInt({ min: 1n, max: 10n ** BigInt(digits) - 1n }))
    .map(([currency, amount]) => money(amount, currency));

const bic = arbitraryForFormat('4!a2!a2!c[3!c]');
const partyIdentifier = fc.option(
  fc.oneof(arbitraryForFormat('34c'), arbitraryForFormat('1!a/33c')),
  { nil: undefined },
);

function bank(withLocation: boolean): fc.Arbitrary<BankFieldInput> {
  const options: fc.Arbitrary<BankFieldInput>[] = [
    fc.record({ bic }),
    fc.record({ nameAndAddress: nameLines(4) }),
  ];
  if (withLocation) options.push(fc.record({ location: xLine(35).map(noLeadingSlash) }));
  return fc
    .tuple(fc.oneof(...options), partyIdentifier)
    .map(([party, identifier]) =>
      identifier === undefined ? party : { partyIdentifier: identifier, ...party },
    );
}

const drafts = fc.oneof(
  fc.constant({}),
  fc.record({ draftsAt: arbitraryNarrative('x', 35, 3), drawee: bank(false) }),
  fc.record({ mixedPaymentDetails: arbitraryNarrative('x', 35, 4) }),
  fc.record({ deferredPaymentDetails: arbitraryNarrative('x', 35, 4) }),
);

const shipment = fc.oneof(
  fc.constant({}),
  fc.record({ latestShipmentDate: isoDate }),
  fc.record({ shipmentPeriod: arbitraryNarrative('x', 65, 6) }),
);

const confirmation = fc.oneof(
  fc.constant({ confirmationInstructions: 'WITHOUT' }),
  fc.record({
    confirmationInstructions: fc.constantFrom('CONFIRM', 'MAY ADD'),
    requestedConfirmationParty: bank(false),
  }),
);

const applicableRules = fc.oneof(
  fc.record({ rules: fc.constantFrom(...RULES) }),
  fc.record({ rules: fc.constant('OTHR'), narrative: xLine(35) }, { requiredKeys: ['rules'] }),
);

const terms = fc.record(
  {
    referenceToPreAdvice: arbitraryForFormat('9c').map((reference) => `PREADV/${reference}`),
    applicantBank: bank(false),
    tolerance: fc.record({
      plusPercent: fc.integer({ min: 0, max: 99 }),
      minusPercent: fc.integer({ min: 0, max: 99 }),
    }),
    additionalAmountsCovered: arbitraryNarrative('x', 35, 4),
    partialShipments: fc.constantFrom(...SHIPMENT),
    transhipment: fc.constantFrom(...SHIPMENT),
    placeOfTakingInCharge: arbitraryNarrative('z', 140, 1),
    portOfLoading: arbitraryNarrative('z', 140, 1),
    portOfDischarge: arbitraryNarrative('z', 140, 1),
    placeOfFinalDestination: arbitraryNarrative('z', 140, 1),
    goodsDescription: arbitraryNarrative('z', 65, 5),
    documentsRequired: arbitraryNarrative('z', 65, 5),
    additionalConditions: arbitraryNarrative('z', 65, 5),
    specialPaymentConditionsForBeneficiary: arbitraryNarrative('z', 65, 3),
    specialPaymentConditionsForBank: arbitraryNarrative('z', 65, 3),
    charges: arbitraryNarrative('z', 35, 6),
    presentationPeriod: fc.record(
      { days: fc.integer({ min: 0, max: 999 }), narrative: xLine(35) },
      { requiredKeys: ['days'] },
    ),
    reimbursingBank: bank(false),
    instructionsToBank: arbitraryNarrative('x', 65, 4),
    adviseThroughBank: bank(true),
    senderToReceiverInformation: arbitraryNarrative('z', 35, 6),
  },
  { requiredKeys: [] },
);

/** Valid MT700 inputs: mandatory fields always, optional terms in any combination the rules allow. */
export const arbitraryMt700Input: fc.Arbitrary<Mt700Input> = fc
  .tuple(
    fc.record({
      sequenceOfTotal: fc.record({ number: fc.constant(1), total: fc.integer({ min: 1, max: 8 }) }),
      formOfCredit: fc.constantFrom(...FORMS),
      documentaryCreditNumber: arbitraryForFormat('16c'),
      dateOfIssue: isoDate,
      applicableRules,
      expiry: fc.record({ date: isoDate, place: xLine(29) }),
      applicant: nameLines(4),
      beneficiary: fc.record(
        { account: xLine(34), lines: nameLines(4) },
        { requiredKeys: ['lines'] },
      ),
      amount: swiftMoney(),
      availableWith: fc.oneof(
        fc.record({ bic, by: fc.constantFrom(...BY) }),
        fc.record({ nameAndAddress: nameLines(4), by: fc.constantFrom(...BY) }),
      ),
    }),
    terms,
    drafts,
    shipment,
    confirmation,
  )
  .map(([mandatory, optional, draft, ship, confirm]) => ({
    ...mandatory,
    ...optional,
    ...draft,
    ...ship,
    ...confirm,
  }));

/** Valid MT750 inputs: 34B in the currency of 32B whenever 33B, 71D or 73A is present. */
export const arbitraryMt750Input: fc.Arbitrary<Mt750Input> = fc
  .tuple(
    fc.record({
      sendersReference: arbitraryForFormat('16c'),
      relatedReference: arbitraryForFormat('16c'),
      principalAmount: swiftMoney(13),
      discrepancies: fc.array(xLine(50), { minLength: 1, maxLength: 8 }),
    }),
    fc.record(
      {
        withAdditions: fc.boolean(),
        chargesDeducted: arbitraryNarrative('z', 35, 6),
        accountWithBank: bank(true),
        senderToReceiverInformation: arbitraryNarrative('z', 35, 6),
      },
      { requiredKeys: ['withAdditions'] },
    ),
    fc.bigInt({ min: 1n, max: 10n ** 12n }),
    fc.option(arbitraryNarrative('z', 35, 6), { nil: undefined }),
  )
  .map(([mandatory, { withAdditions, ...optional }, extra, added]) => {
    const input: Mt750Input = { ...mandatory, ...optional };
    const { currency, amount } = mandatory.principalAmount;
    if (withAdditions) {
      input.additionalAmount = money(extra, currency);
      if (added !== undefined) input.chargesAdded = added;
    }
    if (withAdditions || input.chargesDeducted !== undefined) {
      input.totalAmount = money(amount + (withAdditions ? extra : 0n), currency);
    }
    return input;
  });
