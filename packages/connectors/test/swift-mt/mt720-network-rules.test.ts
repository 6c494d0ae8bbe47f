import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { MT720_SPEC, writeMt720 } from '../../src/swift-mt/mt/mt720.js';
import { validateTextBlock } from '../../src/swift-mt/mt/validate.js';
import type { SwiftField, SwiftIssue } from '../../src/swift-mt/types.js';
import { fieldsInTableOrder } from './table-order.js';

/** A valid minimal MT720 (its mandatory fields and the issuing bank). */
const BASE: SwiftField[] = writeMt720({
  form: { type: 'IRREVOCABLE', confirmation: 'WITHOUT OUR CONFIRMATION' },
  transferringBanksReference: 'TRF-77',
  documentaryCreditNumber: 'LC-2024-0042',
  dateOfIssue: '2024-03-01',
  applicableRules: { rules: 'UCP LATEST VERSION' },
  expiry: { date: '2024-09-30', place: 'SINGAPORE' },
  issuingBank: { bic: 'BANKBEBB' },
  firstBeneficiary: ['ACME TRADING', 'ROTTERDAM'],
  secondBeneficiary: { account: '0012345', lines: ['SUPPLIER PTE LTD', 'SINGAPORE'] },
  amount: money(5000000n, 'USD'),
  availableWith: { bic: 'BANKSGSG', by: 'BY PAYMENT' },
  confirmationInstructions: 'WITHOUT',
}).fields;

/** `BASE` with `extra` fields in table order, without the fields of `without`. */
const message = fieldsInTableOrder(MT720_SPEC, BASE);

function rulesOf(fields: SwiftField[]): string[] {
  return validateTextBlock(MT720_SPEC, fields, 'strict').errors.map(
    (issue: SwiftIssue) => issue.rule,
  );
}

describe('MT720 network rules', () => {
  it('the base message is valid', () => {
    expect(validateTextBlock(MT720_SPEC, BASE, 'strict')).toEqual({ errors: [], warnings: [] });
  });

  describe('C1: 42C and 42a together', () => {
    it('42C without 42a breaks it (reported on 42C)', () => {
      const { errors } = validateTextBlock(MT720_SPEC, message({ '42C': 'AT SIGHT' }), 'strict');
      expect(errors).toEqual([
        {
          rule: 'rule.C1',
          message: 'When used, fields 42C and 42a must both be present',
          tag: '42C',
        },
      ]);
    });

    it('42a without 42C breaks it', () => {
      expect(rulesOf(message({ '42A': 'BANKBEBB' }))).toEqual(['rule.C1']);
    });

    it('both hold', () => {
      expect(rulesOf(message({ '42C': 'AT SIGHT', '42D': 'ISSUING BANK\nBRUSSELS' }))).toEqual([]);
    });
  });

  describe('C2: 42C with 42a, or 42M alone, or 42P alone', () => {
    it('42M with 42P breaks it', () => {
      expect(rulesOf(message({ '42M': '50 PCT AT SIGHT', '42P': '50 PCT AT 60 DAYS' }))).toEqual([
        'rule.C2',
      ]);
    });

    it('42C and 42a with 42P break it', () => {
      expect(
        rulesOf(message({ '42C': 'AT 60 DAYS', '42A': 'BANKBEBB', '42P': 'AT 60 DAYS' })),
      ).toEqual(['rule.C2']);
    });

    it('42M alone and 42P alone hold', () => {
      expect(rulesOf(message({ '42M': '50 PCT AT SIGHT' }))).toEqual([]);
      expect(rulesOf(message({ '42P': '60 DAYS AFTER B/L DATE' }))).toEqual([]);
    });
  });

  describe('C3: 44C and 44D not both', () => {
    it('both break it', () => {
      expect(rulesOf(message({ '44C': '240630', '44D': 'JUNE 2024' }))).toEqual(['rule.C3']);
    });

    it('either alone holds', () => {
      expect(rulesOf(message({ '44C': '240630' }))).toEqual([]);
      expect(rulesOf(message({ '44D': 'JUNE 2024' }))).toEqual([]);
    });
  });

  describe('C4: exactly one of 52a and 50B', () => {
    it('neither breaks it (an issue without a tag)', () => {
      const { errors } = validateTextBlock(MT720_SPEC, message({}, ['52A']), 'strict');
      expect(errors).toEqual([
        {
          rule: 'rule.C4',
          message:
            'Either field 52a (issuing bank) or field 50B (non-bank issuer), but not both, must be present',
        },
      ]);
    });

    it('both break it', () => {
      expect(rulesOf(message({ '50B': 'ACME HOLDING' }))).toEqual(['rule.C4']);
    });

    it('50B alone holds', () => {
      expect(rulesOf(message({ '50B': 'ACME HOLDING' }, ['52A']))).toEqual([]);
    });
  });

  describe('40B: the type and the confirmation code', () => {
    it('an unknown type is a field.code error', () => {
      expect(rulesOf(message({ '40B': 'TRANSFERABLE\nWITHOUT OUR CONFIRMATION' }))).toEqual([
        'field.code',
      ]);
    });

    it('an unknown confirmation breaks T66', () => {
      expect(rulesOf(message({ '40B': 'IRREVOCABLE\nADDED CONFIRMATION' }))).toEqual(['rule.T66']);
    });

    it('a standby with our confirmation holds', () => {
      expect(rulesOf(message({ '40B': 'IRREVOC TRANS STANDBY\nADDING OUR CONFIRMATION' }))).toEqual(
        [],
      );
    });
  });

  it('mandatory fields: 40B, 31D, 50, 59, 32B, 41a, 49', () => {
    const { errors } = validateTextBlock(
      MT720_SPEC,
      message({}, ['40B', '31D', '50', '59', '32B', '41A', '49']),
      'strict',
    );
    expect(errors.map((issue) => [issue.rule, issue.tag])).toEqual([
      ['field.mandatory', '40B'],
      ['field.mandatory', '31D'],
      ['field.mandatory', '50'],
      ['field.mandatory', '59'],
      ['field.mandatory', '32B'],
      ['field.mandatory', '41a'],
      ['field.mandatory', '49'],
    ]);
  });

  it('formats: 39A 2n/2n, 48 3n[/35x], 31D 6!n29x, 45A 100*65z lines of 65', () => {
    expect(rulesOf(message({ '39A': '100/5' }))).toEqual(['field.format']);
    expect(rulesOf(message({ '48': '21/FROM THE DATE OF THE BILL OF LADING ONLY' }))).toEqual([
      'field.width',
    ]);
    expect(rulesOf(message({ '48': '21/FROM THE DATE OF THE BILL OF LADING' }))).toEqual([]);
    expect(rulesOf(message({ '31D': '240930' }))).toEqual(['field.format']);
    expect(rulesOf(message({ '45A': `+${'X'.repeat(65)}` }))).toEqual(['field.width']);
    expect(rulesOf(message({ '39A': '10/5', '48': '21/FROM B/L DATE' }))).toEqual([]);
  });

  it('58a is expected when 49 is CONFIRM (a usage warning, never an error)', () => {
    const found = validateTextBlock(MT720_SPEC, message({ '49': 'CONFIRM' }), 'strict');
    expect(found.errors).toEqual([]);
    expect(found.warnings.map((issue) => issue.rule)).toEqual(['usage.58a']);
  });
});
