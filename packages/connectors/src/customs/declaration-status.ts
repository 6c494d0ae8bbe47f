/**
 * Turns a conversation's notifications into one status: the latest
 * notification with a known function code decides; a rejection's errors are
 * its reasons.
 * @module
 */
import type { z } from 'zod';
import { statusOfFunctionCode, type WireNotification } from './gateway-wire.js';
import type { getDeclarationStatusOutput } from './schema.js';

type DeclarationStatusView = z.input<typeof getDeclarationStatusOutput>;

/** The status of `declarationId` after `notifications` (in any order). */
export function summarizeNotifications(
  declarationId: string,
  notifications: readonly WireNotification[],
): DeclarationStatusView {
  const ordered = [...notifications].sort((a, b) =>
    a.issueDateTime === b.issueDateTime ? 0 : a.issueDateTime < b.issueDateTime ? -1 : 1,
  );
  const history = ordered.map((notification) => ({
    functionCode: notification.functionCode,
    status: statusOfFunctionCode(notification.functionCode) ?? null,
    issuedAt: notification.issueDateTime,
  }));
  const decisive = ordered.filter((n) => statusOfFunctionCode(n.functionCode) !== undefined);
  const latest = decisive.at(-1);
  const withMrn = ordered.filter((n) => n.declaration.id !== undefined).at(-1);
  const rejection = ordered.filter((n) => n.functionCode === '03').at(-1);
  return {
    declarationId,
    reference: ordered.at(-1)?.declaration.functionalReferenceId ?? null,
    mrn: withMrn?.declaration.id ?? null,
    status: latest ? (statusOfFunctionCode(latest.functionCode) ?? 'submitted') : 'submitted',
    updatedAt: latest?.issueDateTime ?? null,
    reasons:
      latest?.functionCode === '03' && rejection
        ? rejection.errors.map((error) => ({
            code: error.validationCode,
            description: error.description ?? null,
            pointer: error.pointer ?? null,
          }))
        : [],
    history,
  };
}
