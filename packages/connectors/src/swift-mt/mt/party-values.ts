/**
 * Parsers and writers of the parties of the documentary-credit messages:
 * name and address lines with an optional `[/34x]` account (50, 59), bank
 * fields in option A (BIC), B (location, 57a) or D (name and address), and
 * 41a "available with … by …". Each parser reads what a bank sent without
 * throwing; each writer is its inverse on valid values.
 */
import { fieldLines } from './field-values.js';

/** Name and address lines, optionally after an account line (`[/34x]` + `4*35x`, fields 50, 59). */
export interface PartyLines {
  /** The account without its leading `/`. */
  account?: string;
  lines: string[];
}

/**
 * Split a party value whose first line may be `/account` (59, 59A's free
 * form, 50B…). With `allowAccount: false` (50 in MT700) every line is a name
 * or address line.
 */
export function parsePartyLines(value: string, allowAccount = true): PartyLines {
  const lines = fieldLines(value);
  const first = lines[0] ?? '';
  if (allowAccount && first.startsWith('/') && lines.length > 1) {
    return { account: first.slice(1), lines: lines.slice(1) };
  }
  return { lines };
}

/** Write a party value: the `/account` line (when given) then the name and address lines. */
export function formatPartyLines(party: PartyLines): string {
  const lines = party.account === undefined ? party.lines : [`/${party.account}`, ...party.lines];
  return lines.join('\n');
}

/** A bank field to write (51a, 52a, 42a, 53a, 57a, 58a): option A when `bic` is set, B when `location` is, D otherwise. */
export interface BankFieldInput {
  /** `[/1!a][/34x]`: the party identifier line without its leading `/` (e.g. `D/12345` or `12345`). */
  partyIdentifier?: string;
  /** Option A: the BIC (8 or 11 characters). */
  bic?: string;
  /** Option D: name and address lines. */
  nameAndAddress?: string[];
  /** Option B (57a only): the location line. */
  location?: string;
}

/** A bank field read with its option letter. */
export interface BankField extends BankFieldInput {
  /** `A` (BIC), `B` (location, 57a only) or `D` (name and address). */
  option: string;
}

/**
 * Read option A (`[/1!a][/34x]\n4!a2!a2!c[3!c]`), B (`[/1!a][/34x]\n[35x]`)
 * or D (`[/1!a][/34x]\n4*35x`) of a bank field.
 */
export function parseBankField(option: string, value: string): BankField {
  const lines = fieldLines(value);
  const bank: BankField = { option };
  const first = lines[0] ?? '';
  // Options A and D need a line after the identifier; option B's location is optional.
  if (first.startsWith('/') && (option === 'B' || lines.length > 1)) {
    bank.partyIdentifier = first.slice(1);
    lines.shift();
  }
  if (option === 'A') bank.bic = lines[0] ?? '';
  else if (option === 'B') {
    if (lines[0] !== undefined && lines[0] !== '') bank.location = lines[0];
  } else bank.nameAndAddress = lines;
  return bank;
}

/** Write a bank field: the option (A when `bic` is set, B when `location` is, D otherwise) and the value. */
export function formatBankField(bank: BankFieldInput): { option: 'A' | 'B' | 'D'; value: string } {
  const head = bank.partyIdentifier === undefined ? [] : [`/${bank.partyIdentifier}`];
  if (bank.bic !== undefined) return { option: 'A', value: [...head, bank.bic].join('\n') };
  if (bank.location !== undefined) {
    return { option: 'B', value: [...head, bank.location].join('\n') };
  }
  return { option: 'D', value: [...head, ...(bank.nameAndAddress ?? [])].join('\n') };
}

/** True when `value` is a BIC: `4!a2!a2!c[3!c]`. */
export function isBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(value);
}

/** Field 41a: where and how the credit is available. */
export interface AvailableWith {
  /** Option A: the BIC of the bank. */
  bic?: string;
  /** Option D: the name and address (or `ANY BANK IN …`). */
  nameAndAddress?: string[];
  /** `BY PAYMENT`, `BY NEGOTIATION`, `BY ACCEPTANCE`, `BY DEF PAYMENT` or `BY MIXED PYMT`. */
  by: string;
}

/** Read 41A / 41D (`option`): every line but the last names the bank, the last is the code. */
export function parseAvailableWith(option: string, value: string): AvailableWith {
  const lines = fieldLines(value);
  const by = lines.length > 1 ? (lines.pop() ?? '') : '';
  return option === 'A' ? { bic: lines.join('\n'), by } : { nameAndAddress: lines, by };
}

/** Write 41A (when `bic` is set) or 41D: the option and the value. */
export function formatAvailableWith(value: AvailableWith): { option: 'A' | 'D'; value: string } {
  return value.bic !== undefined
    ? { option: 'A', value: `${value.bic}\n${value.by}` }
    : { option: 'D', value: [...(value.nameAndAddress ?? []), value.by].join('\n') };
}
