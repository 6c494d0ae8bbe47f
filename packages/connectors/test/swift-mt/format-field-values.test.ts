import { money, ValidationError } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPresentationPeriod,
  formatSwiftAmount,
  formatSwiftDate,
  formatTolerance,
  parseDateAndPlace,
  parsePresentationPeriod,
  parseSequenceOfTotal,
  parseSwiftAmount,
  parseSwiftDate,
  parseTolerance,
  swiftDecimalToMinor,
} from '../../src/swift-mt/mt/field-values.js';
import { splitNarrativeItems } from '../../src/swift-mt/mt/narrative-values.js';
import {
  formatBankField,
  formatPartyLines,
  isBic,
  parseBankField,
  parsePartyLines,
} from '../../src/swift-mt/mt/party-values.js';
import { isoDate, swiftMoney } from './mt700-arbitraries.js';

describe('YYMMDD dates', () => {
  it('reads years 00–79 as 20xx and 80–99 as 19xx, and real dates only', () => {
    expect(parseSwiftDate('250310')).toBe('2025-03-10');
    expect(parseSwiftDate('790101')).toBe('2079-01-01');
    expect(parseSwiftDate('800101')).toBe('1980-01-01');
    expect(parseSwiftDate('000229')).toBe('2000-02-29');
    expect(parseSwiftDate('240229')).toBe('2024-02-29');
    expect(parseSwiftDate('250229')).toBeUndefined();
    expect(parseSwiftDate('251301')).toBeUndefined();
    expect(parseSwiftDate('250431')).toBeUndefined();
    expect(parseSwiftDate('250300')).toBeUndefined();
    expect(parseSwiftDate('25031')).toBeUndefined();
    expect(parseSwiftDate('2503100')).toBeUndefined();
  });

  it('writes ISO dates of 1980–2079 and refuses others with a typed error', () => {
    expect(formatSwiftDate('2025-03-10')).toBe('250310');
    expect(formatSwiftDate('1999-12-31')).toBe('991231');
    for (const bad of ['2080-01-01', '1979-12-31', '2025-02-29', '25-03-10', '2025-3-10']) {
      expect(() => formatSwiftDate(bad)).toThrow(ValidationError);
    }
  });

  it('round-trips every ISO date of the range (property)', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(parseSwiftDate(formatSwiftDate(date))).toBe(date);
      }),
    );
  });

  it('reads 31D as date and place', () => {
    expect(parseDateAndPlace('250715DHAKA BANGLADESH')).toEqual({
      date: '2025-07-15',
      place: 'DHAKA BANGLADESH',
    });
    expect(parseDateAndPlace('251315DHAKA')).toEqual({ date: undefined, place: 'DHAKA' });
    expect(parseDateAndPlace('DHAKA')).toBeUndefined();
  });
});

describe('3!a15d amounts', () => {
  it('parses the decimal comma exactly into minor units', () => {
    expect(parseSwiftAmount('EUR100000,')).toEqual({
      currency: 'EUR',
      decimal: '100000,',
      money: money(10000000n, 'EUR'),
    });
    expect(parseSwiftAmount('EUR248650,00')?.money).toEqual(money(24865000n, 'EUR'));
    expect(parseSwiftAmount('USD0,5')?.money).toEqual(money(50n, 'USD'));
    expect(parseSwiftAmount('JPY1500000,')?.money).toEqual(money(1500000n, 'JPY'));
    expect(parseSwiftAmount('BHD1,001')?.money).toEqual(money(1001n, 'BHD'));
    expect(parseSwiftAmount('CLF1,0001')?.money).toEqual(money(10001n, 'CLF'));
    expect(parseSwiftAmount('EUR1,500')?.money).toEqual(money(150n, 'EUR'));
    expect(parseSwiftAmount('USD99999999999999,')?.money?.amount).toBe(9999999999999900n);
  });

  it('says why an amount is not money', () => {
    expect(parseSwiftAmount('JPY100,5')).toEqual({
      currency: 'JPY',
      decimal: '100,5',
      problem: 'too_many_fraction_digits',
    });
    expect(parseSwiftAmount('EUR1,001')?.problem).toBe('too_many_fraction_digits');
    expect(parseSwiftAmount('XAU10,')?.problem).toBe('unknown_currency');
    expect(parseSwiftAmount('EUR100')).toBeUndefined();
    expect(parseSwiftAmount('EUR1.00')).toBeUndefined();
    expect(parseSwiftAmount('eur1,')).toBeUndefined();
    expect(swiftDecimalToMinor(',5', 2)).toBeUndefined();
  });

  it('writes money with the currency decimals and reads it back (property)', () => {
    expect(formatSwiftAmount(money(24865000n, 'EUR'))).toBe('EUR248650,00');
    expect(formatSwiftAmount(money(5n, 'EUR'))).toBe('EUR0,05');
    expect(formatSwiftAmount(money(1500000n, 'JPY'))).toBe('JPY1500000,');
    expect(formatSwiftAmount(money(1000125n, 'KWD'))).toBe('KWD1000,125');
    expect(() => formatSwiftAmount(money(-1n, 'EUR'))).toThrow(ValidationError);
    fc.assert(
      fc.property(swiftMoney(), (value) => {
        expect(parseSwiftAmount(formatSwiftAmount(value))?.money).toEqual(value);
      }),
    );
  });
});

describe('tolerance, presentation period, sequence', () => {
  it('reads and writes 39A', () => {
    expect(parseTolerance('10/05')).toEqual({ plusPercent: 10, minusPercent: 5 });
    expect(parseTolerance('5/5')).toEqual({ plusPercent: 5, minusPercent: 5 });
    expect(parseTolerance('100/5')).toBeUndefined();
    expect(parseTolerance('10')).toBeUndefined();
    expect(formatTolerance({ plusPercent: 10, minusPercent: 5 })).toBe('10/5');
    expect(() => formatTolerance({ plusPercent: 100, minusPercent: 0 })).toThrow(ValidationError);
    expect(() => formatTolerance({ plusPercent: 2.5, minusPercent: 0 })).toThrow(ValidationError);
  });

  it('reads and writes 48 in its SR2018 form only', () => {
    expect(parsePresentationPeriod('21')).toEqual({ days: 21 });
    expect(parsePresentationPeriod('21/FROM B/L DATE')).toEqual({
      days: 21,
      narrative: 'FROM B/L DATE',
    });
    expect(parsePresentationPeriod('WITHIN 6 DAYS OF ISSUANCE OF FCR')).toBeUndefined();
    expect(formatPresentationPeriod({ days: 21, narrative: 'X' })).toBe('21/X');
    expect(() => formatPresentationPeriod({ days: 1000 })).toThrow(ValidationError);
  });

  it('reads 27', () => {
    expect(parseSequenceOfTotal('1/2')).toEqual({ number: 1, total: 2 });
    expect(parseSequenceOfTotal('1/10')).toBeUndefined();
  });
});

describe('parties and narratives', () => {
  it('reads the optional account line of 59 and none for 50', () => {
    expect(parsePartyLines('/0012345\nDHAKA KNITWEAR\nDHAKA')).toEqual({
      account: '0012345',
      lines: ['DHAKA KNITWEAR', 'DHAKA'],
    });
    expect(parsePartyLines('DHAKA KNITWEAR\nDHAKA')).toEqual({
      lines: ['DHAKA KNITWEAR', 'DHAKA'],
    });
    expect(parsePartyLines('/NOT AN ACCOUNT\nNAME', false)).toEqual({
      lines: ['/NOT AN ACCOUNT', 'NAME'],
    });
    expect(formatPartyLines({ account: '0012345', lines: ['A', 'B'] })).toBe('/0012345\nA\nB');
  });

  it('reads options A, B and D of bank fields with their party identifier', () => {
    expect(parseBankField('A', '/D/4711\nCOBADEFFXXX')).toEqual({
      option: 'A',
      partyIdentifier: 'D/4711',
      bic: 'COBADEFFXXX',
    });
    expect(parseBankField('A', 'COBADEFF')).toEqual({ option: 'A', bic: 'COBADEFF' });
    expect(parseBankField('D', 'DEUTSCHE BANK\nFRANKFURT')).toEqual({
      option: 'D',
      nameAndAddress: ['DEUTSCHE BANK', 'FRANKFURT'],
    });
    expect(parseBankField('B', '/12345\nFRANKFURT')).toEqual({
      option: 'B',
      partyIdentifier: '12345',
      location: 'FRANKFURT',
    });
    expect(parseBankField('B', '/12345')).toEqual({ option: 'B', partyIdentifier: '12345' });
    expect(formatBankField({ bic: 'COBADEFFXXX', partyIdentifier: 'C/1' })).toEqual({
      option: 'A',
      value: '/C/1\nCOBADEFFXXX',
    });
    expect(formatBankField({ location: 'FRANKFURT' })).toEqual({ option: 'B', value: 'FRANKFURT' });
    expect(formatBankField({ nameAndAddress: ['X'] })).toEqual({ option: 'D', value: 'X' });
    expect(isBic('COBADEFF')).toBe(true);
    expect(isBic('COBADEFFXXX')).toBe(true);
    expect(isBic('COBADEF')).toBe(false);
    expect(isBic('cobadeff')).toBe(false);
  });

  it('splits a + list into items, joining continuation lines', () => {
    expect(
      splitNarrativeItems('+SIGNED INVOICE\nIN 3 COPIES\n+PACKING LIST\n+NON-\nNEGOTIABLE B/L'),
    ).toEqual(['SIGNED INVOICE IN 3 COPIES', 'PACKING LIST', 'NON-NEGOTIABLE B/L']);
    expect(splitNarrativeItems('ONE FREE TEXT\nDOCUMENT')).toEqual(['ONE FREE TEXT DOCUMENT']);
    expect(splitNarrativeItems('+\n+ A')).toEqual(['A']);
    expect(splitNarrativeItems('')).toEqual([]);
  });
});
