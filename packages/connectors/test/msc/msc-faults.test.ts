import { connectSandbox } from '@tollgate/core/testing';
import { msc } from '../../src/msc/index.js';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
} from '../../src/msc/sandbox.js';
import { describeCarrierFaults } from '../logistics/carrier-fault-scenarios.js';

const reference = { trackingNumber: 'MSCU240000120' };

describeCarrierFaults({
  name: 'MSC',
  baseUrl: msc.environments.sandbox,
  connect: (transport) =>
    connectSandbox(msc, {
      config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
      credentials: MSC_SANDBOX_CREDENTIALS,
      sandbox: mscSandbox,
      transport,
    }),
  call: (client) => client.operations.track(reference),
  answer: 'the events',
  expected: { status: 'delivered' },
  tokenCall: (client) => client.operations.track(reference),
});
