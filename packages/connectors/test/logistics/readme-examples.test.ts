import { convertMoney, formatMoney } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { dhlExpress } from '../../src/dhl-express/index.js';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '../../src/dhl-express/sandbox.js';
import { fedex } from '../../src/fedex/index.js';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '../../src/fedex/sandbox.js';
import { compareQuotes } from '../../src/logistics/index.js';
import { maersk } from '../../src/maersk/index.js';
import { MAERSK_SANDBOX_CREDENTIALS, maerskSandbox } from '../../src/maersk/sandbox.js';
import { msc } from '../../src/msc/index.js';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
} from '../../src/msc/sandbox.js';
import { ups } from '../../src/ups/index.js';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '../../src/ups/sandbox.js';

/** The examples of README.md, run as written (source imports instead of package subpaths). */
describe('the README examples print what the README says', () => {
  it('dhl-express.md', async () => {
    const { client } = connectSandbox(dhlExpress, {
      config: { accountNumber: '123456789' },
      credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
      sandbox: dhlExpressSandbox,
    });
    const quote = await client.operations.quote({
      origin: { countryCode: 'DE', city: 'Bonn' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
      shipDate: '2025-03-10',
    });
    expect([quote.service, formatMoney(quote.total, 'en-US'), quote.transitDays]).toEqual([
      'EXPRESS WORLDWIDE',
      '€57.89',
      4,
    ]);
    const { status, events } = await client.operations.track({ trackingNumber: '1234567890' });
    expect([status, events.at(-1)?.code]).toEqual(['delivered', 'OK']);
  });

  it('fedex.md', async () => {
    const { client } = connectSandbox(fedex, {
      config: { accountNumber: '740561073' },
      credentials: FEDEX_SANDBOX_CREDENTIALS,
      sandbox: fedexSandbox,
    });
    const quote = await client.operations.quote({
      origin: { countryCode: 'US', postalCode: '38118' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
      shipDate: '2025-03-10',
    });
    expect([quote.service, formatMoney(quote.total, 'en-US'), quote.transitDays]).toEqual([
      'FedEx International Priority®',
      '$71.13',
      4,
    ]);
    expect((await client.operations.track({ trackingNumber: '794843185271' })).status).toBe(
      'delivered',
    );
  });

  it('ups.md', async () => {
    const { client } = connectSandbox(ups, {
      config: { accountNumber: 'A1B2C3' },
      credentials: UPS_SANDBOX_CREDENTIALS,
      sandbox: upsSandbox,
    });
    const quote = await client.operations.quote({
      origin: { countryCode: 'DE', postalCode: '50667' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
      shipDate: '2025-03-10',
    });
    expect([quote.service, formatMoney(quote.total, 'en-US'), quote.transitDays]).toEqual([
      'UPS Worldwide Saver',
      '€55.37',
      4,
    ]);
    expect((await client.operations.track({ trackingNumber: '1Z999AA10123456785' })).status).toBe(
      'out_for_delivery',
    );
  });

  it('maersk.md', async () => {
    const { client } = connectSandbox(maersk, {
      config: {},
      credentials: MAERSK_SANDBOX_CREDENTIALS,
      sandbox: maerskSandbox,
    });
    const quote = await client.operations.quote({
      origin: { countryCode: 'BD' },
      destination: { countryCode: 'NL' },
      shipDate: '2025-03-10',
    });
    expect([quote.service, formatMoney(quote.total, 'en-US'), quote.quoteId]).toEqual([
      'Maersk Spot (2025-03-26 MAERSK ESSEN 812W)',
      '$2,560.00',
      'MAEU-BDCGPNLRTM-20250326-45G1-1',
    ]);
    const tracked = await client.operations.track({ trackingNumber: 'MSKU1234565' });
    expect(tracked.status).toBe('arrived');
    expect(tracked.events.at(-1)?.description).toMatch(
      /^Container MSKU1234565 \(laden\) discharged from /,
    );
  });

  it('msc.md', async () => {
    const { client } = connectSandbox(msc, {
      config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
      credentials: MSC_SANDBOX_CREDENTIALS,
      sandbox: mscSandbox,
    });
    const tracked = await client.operations.track({ trackingNumber: 'MSCU240000120' });
    expect([tracked.status, tracked.events.length, tracked.events.at(-1)?.description]).toEqual([
      'delivered',
      14,
      'Container MEDU2678833 (empty) gated in at Hamburg (DEHAM)',
    ]);
  });

  it('logistics.md', async () => {
    const dhl = connectSandbox(dhlExpress, {
      config: { accountNumber: '123456789' },
      credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
      sandbox: dhlExpressSandbox,
    }).client;
    const fdx = connectSandbox(fedex, {
      config: { accountNumber: '740561073' },
      credentials: FEDEX_SANDBOX_CREDENTIALS,
      sandbox: fedexSandbox,
    }).client;
    const { ranked, failures } = await compareQuotes(
      [dhl, fdx],
      {
        origin: { countryCode: 'DE', city: 'Bonn', postalCode: '53113' },
        destination: { countryCode: 'BD', city: 'Dhaka' },
      },
      { timeoutMs: 5000, currency: 'EUR', convert: (m, to) => convertMoney(m, to, '0.92') },
    );
    expect(failures).toEqual([]);
    expect(ranked.map((quote) => [quote.rank, quote.carrier, quote.total.currency])).toEqual([
      [1, 'dhl-express', 'EUR'],
      [2, 'fedex', 'USD'],
    ]);
    expect(ranked.every((quote) => quote.comparableTotal.currency === 'EUR')).toBe(true);
  });
});
