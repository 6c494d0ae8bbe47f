import { UpstreamError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { formatDecimalRate, sameRate } from '../../src/fx/index.js';
import { ECB_CURRENCIES, parseEcbXml } from '../../src/fx-ecb/index.js';
import {
  ECB_DAILY_2024_02_27,
  ECB_HIST_90D_EXCERPT,
  ECB_HIST_EXCERPT,
} from '../../src/fx-ecb/sandbox-files.js';

describe('parseEcbXml', () => {
  it('reads the real daily file of 2024-02-27: 30 currencies, exact decimals as published', () => {
    const [day, ...rest] = parseEcbXml(ECB_DAILY_2024_02_27);
    expect(rest).toEqual([]);
    expect(day?.date).toBe('2024-02-27');
    expect(Object.keys(day?.rates ?? {})).toEqual(ECB_CURRENCIES);
    expect(day?.rates.USD).toEqual({ digits: 10856n, scale: 4 });
    expect(day?.rates.IDR).toEqual({ digits: 1697612n, scale: 2 });
    // Trailing zeros are the ECB's and stay: GBP 0.85620, HUF 390.20.
    expect(formatDecimalRate(day?.rates.GBP ?? { digits: 0n, scale: 0 })).toBe('0.85620');
    expect(formatDecimalRate(day?.rates.HUF ?? { digits: 0n, scale: 0 })).toBe('390.20');
    expect(day?.rates.BDT).toBeUndefined(); // the ECB publishes no BDT
  });

  it('reads the history format (double quotes, one line a day), newest first', () => {
    const recent = parseEcbXml(ECB_HIST_90D_EXCERPT);
    expect(recent.map((day) => day.date)).toEqual([
      '2024-02-27',
      '2024-02-26',
      '2024-02-23',
      '2024-02-22',
      '2024-02-21',
      '2024-02-20',
      '2024-02-19',
    ]);
    const all = parseEcbXml(ECB_HIST_EXCERPT);
    expect(all.at(-1)?.date).toBe('2024-01-02');
    expect(all.find((day) => day.date === '2024-01-05')?.rates.USD).toEqual({
      digits: 10921n,
      scale: 4,
    });
  });

  it('agrees with itself: the daily file and the history list the same rates for 2024-02-27', () => {
    const [daily] = parseEcbXml(ECB_DAILY_2024_02_27);
    const [fromHistory] = parseEcbXml(ECB_HIST_90D_EXCERPT);
    for (const currency of ECB_CURRENCIES) {
      const a = daily?.rates[currency];
      const b = fromHistory?.rates[currency];
      expect(a && b && sameRate(a, b), currency).toBe(true);
    }
  });

  const envelope = (cubes: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube>${cubes}</Cube></gesmes:Envelope>`;

  it.each([
    ['a JSON body', '{"status": "ok", "data": [1, 2', 'not well-formed XML'],
    ['an empty body', '', 'not well-formed XML'],
    ['a truncated file', ECB_DAILY_2024_02_27.slice(0, 600), 'not well-formed XML'],
    ['an HTML page', '<html><body><h1>Maintenance</h1></body></html>', 'Envelope'],
    ['a day without a date', envelope(`<Cube><Cube currency='USD' rate='1.1'/></Cube>`), 'time'],
    [
      'an impossible date',
      envelope(`<Cube time='2024-02-30'><Cube currency='USD' rate='1.1'/></Cube>`),
      'calendar date',
    ],
    [
      'a rate that is not a decimal',
      envelope(`<Cube time='2024-02-27'><Cube currency='USD' rate='1,0856'/></Cube>`),
      'positive decimal',
    ],
    [
      'a zero rate',
      envelope(`<Cube time='2024-02-27'><Cube currency='USD' rate='0.0'/></Cube>`),
      'greater than zero',
    ],
    ['an empty day', envelope(`<Cube time='2024-02-27'></Cube>`), 'Cube'],
    [
      'a currency listed twice',
      envelope(
        `<Cube time='2024-02-27'><Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/></Cube>`,
      ),
      'USD is listed twice',
    ],
    [
      'a day listed twice',
      envelope(
        `<Cube time='2024-02-27'><Cube currency='USD' rate='1.1'/></Cube><Cube time='2024-02-27'><Cube currency='USD' rate='1.1'/></Cube>`,
      ),
      'listed twice',
    ],
    [
      'a rate for EUR',
      envelope(`<Cube time='2024-02-27'><Cube currency='EUR' rate='1'/></Cube>`),
      'EUR itself',
    ],
  ])('turns %s into an UpstreamError, never a crash', (_name, body, message) => {
    let caught: unknown;
    try {
      parseEcbXml(body, { connectorId: 'fx-ecb', operation: 'rates', file: 'eurofxref-daily.xml' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpstreamError);
    expect(caught).toMatchObject({
      code: 'upstream_error',
      status: 502,
      retryable: false,
      connectorId: 'fx-ecb',
      operation: 'rates',
      message: expect.stringContaining(message),
    });
    expect((caught as Error).message).toContain('eurofxref-daily.xml');
  });
});
