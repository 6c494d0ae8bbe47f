/**
 * `@tollgate/connectors/bank-swift`: a bank gateway for documentary credits
 * over SWIFT FIN (MT700, MT707, MT720 out; status callbacks and MT750
 * discrepancy advices in), on the Swift Messaging API of Alliance Cloud.
 * The simulated gateway is at `@tollgate/connectors/bank-swift/sandbox`.
 * @packageDocumentation
 */

export { bankSwift } from './connector.js';
export { SwiftMessageRejectedError } from './errors.js';
export {
  type BankSwiftConfig,
  type BankSwiftCredentials,
  type BankSwiftCredentialsInput,
  bankSwiftConfig,
  bankSwiftCredentials,
  bankSwiftCredentialsUnion,
  bankSwiftMtlsCredentials,
  bankSwiftOAuth2Credentials,
  type FinSubmissionInput,
  finSubmissionInput,
  getSubmissionInput,
  type Submission,
  type SubmissionState,
  type SubmissionStatus,
  type SubmissionType,
  submissionOutput,
  submissionState,
  submissionStatus,
  submissionType,
} from './schema.js';
export {
  type BankSwiftWebhookEvent,
  bankSwiftWebhookEvent,
  type DiscrepancyAdviceEvent,
  type IncomingMessageFields,
  type MessageReceivedEvent,
  type SubmissionEventFields,
  type SubmissionStatusEvent,
} from './webhook-events.js';
