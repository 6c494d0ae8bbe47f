import { describe, expect, it } from 'vitest';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import { MT707_SPEC, writeMt707 } from '../../src/swift-mt/mt/mt707.js';
import { validateTextBlock } from '../../src/swift-mt/mt/validate.js';
import type { SwiftField, SwiftIssue } from '../../src/swift-mt/types.js';
import { fieldsInTableOrder } from './table-order.js';

/** A valid minimal MT707 (identification fields and one change). */
const BASE: SwiftField[] = writeMt707({
  sendersReference: 'AMD-0001',
  receiversReference: 'NONREF',
  issuingBanksReference: 'LC-2024-0042',
  dateOfIssue: '2024-03-01',
  numberOfAmendment: 1,
  dateOfAmendment: '2024-04-15',
  purposeOfMessage: 'ISSU',
  latestDateOfShipment: '2024-06-30',
}).fields;

/** `BASE` with `extra` fields in table order, without the fields of `without`. */
const message = fieldsInTableOrder(MT707_SPEC, BASE);

function strict(fields: SwiftField[]): SwiftIssue[] {
  return validateTextBlock(MT707_SPEC, fields, 'strict').errors;
}

function rulesOf(issues: SwiftIssue[]): string[] {
  return issues.map((issue) => issue.rule);
}

describe('MT707 network rules', () => {
  it('the base message is valid', () => {
    expect(validateTextBlock(MT707_SPEC, BASE, 'strict')).toEqual({ errors: [], warnings: [] });
  });

  describe('C1: a cancellation request (23S) carries no amendment detail', () => {
    it('23S with 32B breaks it, reported on 32B', () => {
      const issues = strict(message({ '23S': 'CANCEL', '32B': 'EUR1000,' }, ['44C']));
      expect(issues).toEqual([expect.objectContaining({ rule: 'rule.C1', tag: '32B' })]);
    });

    it('each detail field present with 23S is reported', () => {
      const issues = strict(
        message({ '23S': 'CANCEL', '40E': 'UCP LATEST VERSION', '57A': 'BANKBEBBXXX' }),
      );
      expect(issues.map((issue) => [issue.rule, issue.tag])).toEqual([
        ['rule.C1', '40E'],
        ['rule.C1', '44C'],
        ['rule.C1', '57A'],
      ]);
    });

    it('23S with only 72Z holds', () => {
      expect(strict(message({ '23S': 'CANCEL', '72Z': 'PLEASE CANCEL' }, ['44C']))).toEqual([]);
    });

    it('23S must be CANCEL', () => {
      expect(rulesOf(strict(message({ '23S': 'REVOKE' }, ['44C'])))).toEqual(['field.code']);
    });
  });

  describe('C2: 32B and 33B not both', () => {
    it('both break it', () => {
      expect(strict(message({ '32B': 'EUR1000,', '33B': 'EUR500,' }))).toEqual([
        {
          rule: 'rule.C2',
          message: 'Either field 32B or 33B, but not both, may be present',
          tag: '33B',
        },
      ]);
    });

    it('an increase alone or a decrease alone holds', () => {
      expect(strict(message({ '32B': 'EUR1000,' }))).toEqual([]);
      expect(strict(message({ '33B': 'EUR500,' }))).toEqual([]);
    });
  });

  describe('C3: 52a and 50B not both', () => {
    it('both break it', () => {
      expect(rulesOf(strict(message({ '52A': 'BANKBEBB', '50B': 'ACME TRADING' })))).toEqual([
        'rule.C3',
      ]);
    });

    it('either alone holds', () => {
      expect(strict(message({ '52D': 'ISSUING BANK\nBRUSSELS' }))).toEqual([]);
      expect(strict(message({ '50B': 'ACME TRADING' }))).toEqual([]);
    });
  });

  describe('C4: 44C and 44D not both', () => {
    it('both break it', () => {
      expect(rulesOf(strict(message({ '44D': 'JUNE 2024' })))).toEqual(['rule.C4']);
    });

    it('44D alone holds', () => {
      expect(strict(message({ '44D': 'JUNE 2024' }, ['44C']))).toEqual([]);
    });
  });

  describe('T67: ADD, DELETE, REPALL in 45B, 46B, 47B, 49M, 49N', () => {
    it.each([
      [
        '45B',
        'ADDITIONAL TEXT WITHOUT CODE',
        'the first line must start with /ADD/, /DELETE/ or /REPALL/',
      ],
      ['46B', '/ADD/+INSURANCE CERTIFICATE\n/CHANGE/+PACKING LIST', 'line 2 must start'],
      ['47B', '/REPALL/ALL NEW CONDITIONS\n/ADD/ONE MORE', 'REPALL must be the only code'],
      ['49M', '/DELETE/LINE ONE\n/12/CONTINUED', 'line 2 must start'],
    ])('%s %j breaks it', (tag, value, why) => {
      const issues = strict(message({ [tag]: value }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ rule: 'rule.T67', tag });
      expect(issues[0]?.message).toContain(why);
    });

    it('codes with continuation lines hold', () => {
      const value =
        '/ADD/+COPY OF THE AIR WAYBILL\nCONSIGNED TO THE APPLICANT\n/DELETE/+PACKING LIST';
      expect(strict(message({ '46B': value, '49N': '/REPALL/NO POST-FINANCING' }))).toEqual([]);
    });
  });

  describe('40E: codes, and the narrative only with OTHR (D81)', () => {
    it('an unknown rules code is a field.code error', () => {
      expect(rulesOf(strict(message({ '40E': 'UCP 500' })))).toEqual(['field.code']);
    });

    it('a narrative after a code other than OTHR breaks D81', () => {
      expect(rulesOf(strict(message({ '40E': 'UCP LATEST VERSION/ICC' })))).toEqual(['rule.D81']);
    });

    it('OTHR with its narrative holds', () => {
      expect(strict(message({ '40E': 'OTHR/URDG 758' }))).toEqual([]);
    });
  });

  describe('T68: the code of 41a', () => {
    it('an unknown code breaks it', () => {
      expect(rulesOf(strict(message({ '41D': 'ANY BANK IN BELGIUM\nBY SIGHT' })))).toEqual([
        'rule.T68',
      ]);
    });

    it('a listed code holds', () => {
      expect(strict(message({ '41D': 'ANY BANK IN BELGIUM\nBY NEGOTIATION' }))).toEqual([]);
    });
  });

  describe('field rules: T26 references, T50 dates, T52 currency, C03 decimals, T75 sequence', () => {
    it.each([
      [{ '20': '/AMD-0001' }, 'rule.T26'],
      [{ '21': 'A//B' }, 'rule.T26'],
      [{ '30': '240231' }, 'rule.T50'],
      [{ '32B': 'XXX100,' }, 'rule.T52'],
      [{ '33B': 'JPY100,5' }, 'rule.C03'],
      [{ '27': '2/3' }, 'rule.T75'],
    ])('%j breaks %s', (extra, rule) => {
      expect(rulesOf(strict(message(extra)))).toEqual([rule]);
    });
  });

  describe('codes of 22A, 40A, 43P, 49, 71N', () => {
    it.each([
      ['22A', 'ISCO'],
      ['40A', 'REVOCABLE'],
      ['43P', 'PERMITTED'],
      ['49', 'ADDLATR'],
      ['71N', 'BOTH'],
    ])('%s %s is not a code', (tag, value) => {
      expect(strict(message({ [tag]: value }))).toEqual([
        expect.objectContaining({ rule: 'field.code', tag }),
      ]);
    });
  });

  describe('usage rules are warnings in both modes', () => {
    it('58a should be present when 49 is CONFIRM or MAY ADD', () => {
      const found = validateTextBlock(MT707_SPEC, message({ '49': 'CONFIRM' }), 'strict');
      expect(found.errors).toEqual([]);
      expect(rulesOf(found.warnings)).toEqual(['usage.58a']);
      expect(
        validateTextBlock(MT707_SPEC, message({ '49': 'MAY ADD', '58A': 'CONFBEBB' }), 'strict'),
      ).toEqual({ errors: [], warnings: [] });
    });

    it('a 71N narrative is expected only after OTHR', () => {
      const found = validateTextBlock(
        MT707_SPEC,
        message({ '71N': 'APPL\nEXCEPT COURIER' }),
        'strict',
      );
      expect(found.errors).toEqual([]);
      expect(rulesOf(found.warnings)).toEqual(['usage.71N']);
      expect(
        validateTextBlock(MT707_SPEC, message({ '71N': 'OTHR\nSHARED 50/50' }), 'strict').warnings,
      ).toEqual([]);
    });
  });

  it('through parseSwiftMessage, a rule issue carries the line of its field', () => {
    const text = [
      '{1:F01BANKBEBBAXXX0000000000}{2:I707BANKDEFFXXXXN}{4:',
      ':27:1/1',
      ':20:AMD-0001',
      ':21:NONREF',
      ':23:LC-2024-0042',
      ':31C:240301',
      ':26E:1',
      ':30:240415',
      ':22A:ISSU',
      ':32B:EUR1000,',
      ':33B:EUR500,',
      '-}',
    ].join('\r\n');

    expect(parseSwiftMessage(text, { mode: 'strict' }).errors).toEqual([
      {
        rule: 'rule.C2',
        message: 'Either field 32B or 33B, but not both, may be present',
        tag: '33B',
        line: 11,
      },
    ]);
    const lenient = parseSwiftMessage(text, { mode: 'lenient' });
    expect(lenient.errors).toEqual([]);
    expect(rulesOf(lenient.warnings)).toEqual(['rule.C2']);
  });
});
