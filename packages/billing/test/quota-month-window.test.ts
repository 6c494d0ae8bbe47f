import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { monthWindow } from '../src/quotas/month-window.js';
import { createQuotaPolicy } from '../src/quotas/quotas.js';

describe('monthly quota windows follow the tenant’s calendar', () => {
  it.each([
    // [instant, time zone, period, start, end]
    [
      '2026-10-31T19:30:00Z',
      'Asia/Dhaka',
      '2026-11',
      '2026-10-31T18:00:00.000Z',
      '2026-11-30T18:00:00.000Z',
    ],
    [
      '2026-10-31T17:59:59Z',
      'Asia/Dhaka',
      '2026-10',
      '2026-09-30T18:00:00.000Z',
      '2026-10-31T18:00:00.000Z',
    ],
    [
      '2026-12-31T23:59:59Z',
      'UTC',
      '2026-12',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ],
    [
      '2027-01-01T03:00:00Z',
      'America/New_York',
      '2026-12',
      '2026-12-01T05:00:00.000Z',
      '2027-01-01T05:00:00.000Z',
    ],
    // March: New York moves to daylight time inside the month.
    [
      '2026-03-15T12:00:00Z',
      'America/New_York',
      '2026-03',
      '2026-03-01T05:00:00.000Z',
      '2026-04-01T04:00:00.000Z',
    ],
    [
      '2026-02-10T00:00:00Z',
      'Asia/Kolkata',
      '2026-02',
      '2026-01-31T18:30:00.000Z',
      '2026-02-28T18:30:00.000Z',
    ],
    // UTC+12:45 (no daylight time in July).
    [
      '2026-06-30T12:30:00Z',
      'Pacific/Chatham',
      '2026-07',
      '2026-06-30T11:15:00.000Z',
      '2026-07-31T11:15:00.000Z',
    ],
  ])('%s in %s is %s', (instant, timeZone, period, start, end) => {
    const window = monthWindow(new Date(instant), timeZone);
    expect(window).toEqual({ period, start: new Date(start), end: new Date(end) });
  });

  it('settles limits per tenant over the defaults, and refuses bad settings', () => {
    const policy = createQuotaPolicy({
      limits: { 'sme.validation': 100 },
      tenants: {
        dhaka: { timeZone: 'Asia/Dhaka', limits: { 'sme.validation': 5 } },
        unlimited: { limits: { 'sme.validation': null } },
      },
    });
    expect(policy.limitFor('dhaka', 'sme.validation')).toBe(5);
    expect(policy.limitFor('other', 'sme.validation')).toBe(100);
    expect(policy.limitFor('unlimited', 'sme.validation')).toBeNull();
    expect(policy.limitFor('other', 'bank.recheck')).toBeNull();
    expect(policy.timeZoneOf('dhaka')).toBe('Asia/Dhaka');
    expect(policy.timeZoneOf('other')).toBe('UTC');
    let error: unknown;
    try {
      createQuotaPolicy({
        timeZone: 'Mars/Olympus',
        limits: { a: -1, b: 1.5 },
        tenants: { t: { timeZone: 'nowhere' } },
        warningRatio: 2,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
      'timeZone',
      'limits.a',
      'limits.b',
      'tenants.t.timeZone',
      'warningRatio',
    ]);
  });
});
