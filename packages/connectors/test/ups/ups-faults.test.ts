import { connectSandbox } from '@tollgate/core/testing';
import { ups } from '../../src/ups/index.js';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '../../src/ups/sandbox.js';
import { describeCarrierFaults } from '../logistics/carrier-fault-scenarios.js';

describeCarrierFaults({
  name: 'UPS',
  baseUrl: ups.environments.sandbox,
  connect: (transport) =>
    connectSandbox(ups, {
      config: { accountNumber: 'A1B2C3' },
      credentials: UPS_SANDBOX_CREDENTIALS,
      sandbox: upsSandbox,
      transport,
    }),
  call: (client) =>
    client.operations.quote({
      origin: { countryCode: 'DE', postalCode: '50667' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
    }),
  answer: 'the quote',
  expected: { carrier: 'ups' },
  tokenCall: (client) => client.operations.track({ trackingNumber: '1Z999AA10123456784' }),
});
