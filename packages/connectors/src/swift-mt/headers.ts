import { allDigits, allUpperAlphanumeric } from './char-classes.js';
import type {
  SwiftApplicationHeaderInput,
  SwiftApplicationHeaderOutput,
  SwiftBasicHeader,
} from './types.js';

/**
 * Blocks 1 and 2: reading their fixed-position content into the typed
 * headers, checking it, and writing it back. Internal.
 */

/** Read block 1's content (`F01BANKBEBBAXXX0000000000`); fields are cut by position even when malformed. */
export function readBasicHeader(content: string): SwiftBasicHeader {
  return {
    applicationId: content.slice(0, 1),
    serviceId: content.slice(1, 3),
    logicalTerminal: content.slice(3, 15),
    sessionNumber: content.slice(15, 19),
    sequenceNumber: content.slice(19),
  };
}

/** What is wrong with a basic header, or `undefined` when it is well-formed. */
export function basicHeaderProblem(header: SwiftBasicHeader): string | undefined {
  const { applicationId, serviceId, logicalTerminal, sessionNumber, sequenceNumber } = header;
  if (applicationId !== 'F' && applicationId !== 'A' && applicationId !== 'L') {
    return 'the application id must be F, A or L';
  }
  if (serviceId.length !== 2 || !allDigits(serviceId, 0, 2))
    return 'the service id must be 2 digits';
  if (logicalTerminal.length !== 12 || !allUpperAlphanumeric(logicalTerminal, 0, 12)) {
    return 'the logical terminal must be 12 upper-case letters or digits';
  }
  if (sessionNumber.length !== 4 || !allDigits(sessionNumber, 0, 4)) {
    return 'the session number must be 4 digits';
  }
  if (sequenceNumber.length !== 6 || !allDigits(sequenceNumber, 0, 6)) {
    return 'the sequence number must be 6 digits';
  }
  return undefined;
}

/** Block 1's content for a header. */
export function writeBasicHeader(header: SwiftBasicHeader): string {
  return `${header.applicationId}${header.serviceId}${header.logicalTerminal}${header.sessionNumber}${header.sequenceNumber}`;
}

/**
 * Read block 2's content: the input form `I700BANKDEFFXXXXN[1[003]]` or the
 * output form `O700` + input time + 28-character MIR + output date and time
 * + priority. `undefined` when the direction is neither `I` nor `O`.
 */
export function readApplicationHeader(
  content: string,
): SwiftApplicationHeaderInput | SwiftApplicationHeaderOutput | undefined {
  const direction = content.charAt(0);
  if (direction === 'I') {
    const header: SwiftApplicationHeaderInput = {
      direction: 'I',
      messageType: content.slice(1, 4),
      receiverAddress: content.slice(4, 16),
    };
    if (content.length > 16) header.priority = content.charAt(16);
    if (content.length > 17) header.deliveryMonitoring = content.charAt(17);
    if (content.length > 18) header.obsolescencePeriod = content.slice(18);
    return header;
  }
  if (direction === 'O') {
    const header: SwiftApplicationHeaderOutput = {
      direction: 'O',
      messageType: content.slice(1, 4),
      inputTime: content.slice(4, 8),
      messageInputReference: content.slice(8, 36),
      outputDate: content.slice(36, 42),
      outputTime: content.slice(42, 46),
    };
    if (content.length > 46) header.priority = content.slice(46);
    return header;
  }
  return undefined;
}

/** What is wrong with an application header, or `undefined` when it is well-formed. */
export function applicationHeaderProblem(
  header: SwiftApplicationHeaderInput | SwiftApplicationHeaderOutput,
): string | undefined {
  if (header.messageType.length !== 3 || !allDigits(header.messageType, 0, 3)) {
    return 'the message type must be 3 digits';
  }
  if (header.direction === 'I') {
    const { receiverAddress, priority, deliveryMonitoring, obsolescencePeriod } = header;
    if (receiverAddress.length !== 12 || !allUpperAlphanumeric(receiverAddress, 0, 12)) {
      return 'the receiver address must be 12 upper-case letters or digits';
    }
    if (priority !== undefined && priority !== 'S' && priority !== 'U' && priority !== 'N') {
      return 'the priority must be S, U or N';
    }
    if (deliveryMonitoring !== undefined) {
      if (priority === undefined) return 'delivery monitoring needs a priority';
      if (deliveryMonitoring !== '1' && deliveryMonitoring !== '2' && deliveryMonitoring !== '3') {
        return 'the delivery monitoring must be 1, 2 or 3';
      }
    }
    if (obsolescencePeriod !== undefined) {
      if (deliveryMonitoring === undefined)
        return 'an obsolescence period needs delivery monitoring';
      if (obsolescencePeriod.length !== 3 || !allDigits(obsolescencePeriod, 0, 3)) {
        return 'the obsolescence period must be 3 digits';
      }
    }
    return undefined;
  }
  const { inputTime, messageInputReference: mir, outputDate, outputTime, priority } = header;
  if (inputTime.length !== 4 || !allDigits(inputTime, 0, 4)) return 'the input time must be HHMM';
  if (
    mir.length !== 28 ||
    !allDigits(mir, 0, 6) ||
    !allUpperAlphanumeric(mir, 6, 18) ||
    !allDigits(mir, 18, 28)
  ) {
    return 'the message input reference must be YYMMDD + 12-character terminal + 4-digit session + 6-digit sequence';
  }
  if (outputDate.length !== 6 || !allDigits(outputDate, 0, 6)) {
    return 'the output date must be YYMMDD';
  }
  if (outputTime.length !== 4 || !allDigits(outputTime, 0, 4))
    return 'the output time must be HHMM';
  if (priority !== undefined && priority !== 'S' && priority !== 'U' && priority !== 'N') {
    return 'the priority must be S, U or N';
  }
  return undefined;
}

/** Block 2's content for a header. */
export function writeApplicationHeader(
  header: SwiftApplicationHeaderInput | SwiftApplicationHeaderOutput,
): string {
  if (header.direction === 'I') {
    return `I${header.messageType}${header.receiverAddress}${header.priority ?? ''}${header.deliveryMonitoring ?? ''}${header.obsolescencePeriod ?? ''}`;
  }
  return `O${header.messageType}${header.inputTime}${header.messageInputReference}${header.outputDate}${header.outputTime}${header.priority ?? ''}`;
}
