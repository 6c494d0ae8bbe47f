import { connectSandbox } from '@tollgate/core/testing';
import { fedex } from '../../src/fedex/index.js';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '../../src/fedex/sandbox.js';
import { describeCarrierFaults } from '../logistics/carrier-fault-scenarios.js';

describeCarrierFaults({
  name: 'FedEx',
  baseUrl: fedex.environments.sandbox,
  connect: (transport) =>
    connectSandbox(fedex, {
      config: { accountNumber: '740561073' },
      credentials: FEDEX_SANDBOX_CREDENTIALS,
      sandbox: fedexSandbox,
      transport,
    }),
  call: (client) =>
    client.operations.quote({
      origin: { countryCode: 'US', city: 'Memphis', postalCode: '38118' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
    }),
  answer: 'the quote',
  expected: { carrier: 'fedex' },
  tokenCall: (client) => client.operations.track({ trackingNumber: '794843185271' }),
});
