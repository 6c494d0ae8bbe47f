import type { ConnectorTransportDefaults } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { maersk } from '../../src/maersk/index.js';
import { MAERSK_SANDBOX_CREDENTIALS, maerskSandbox } from '../../src/maersk/sandbox.js';
import { describeCarrierFaults } from '../logistics/carrier-fault-scenarios.js';

/** Offers need only the Consumer-Key; events need an OAuth2 token too (the client secret). */
function connect(
  credentials: { consumerKey: string; clientSecret?: string },
  transport: ConnectorTransportDefaults,
) {
  return connectSandbox(maersk, { config: {}, credentials, sandbox: maerskSandbox, transport });
}

describeCarrierFaults({
  name: 'Maersk (offers, Consumer-Key only)',
  baseUrl: maersk.environments.sandbox,
  connect: (transport) =>
    connect({ consumerKey: MAERSK_SANDBOX_CREDENTIALS.consumerKey }, transport),
  call: (client) =>
    client.operations.quote({ origin: { countryCode: 'BD' }, destination: { countryCode: 'NL' } }),
  answer: 'the offers',
  expected: { carrier: 'maersk' },
});

describeCarrierFaults({
  name: 'Maersk (events, with an OAuth2 token)',
  baseUrl: maersk.environments.sandbox,
  connect: (transport) => connect(MAERSK_SANDBOX_CREDENTIALS, transport),
  call: (client) => client.operations.track({ trackingNumber: 'MAEU241234560' }),
  answer: 'the events',
  expected: { carrier: 'maersk' },
  tokenCall: (client) => client.operations.track({ trackingNumber: 'MAEU241234560' }),
});
