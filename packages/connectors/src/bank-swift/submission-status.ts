import type { z } from 'zod';
import type { SubmissionStatus } from './schema.js';
import type { finDeliveryReport, finTransmissionReport } from './wire.js';

type TransmissionStatus = z.output<typeof finTransmissionReport>['delivery_status'];
type DeliveryStatus = z.output<typeof finDeliveryReport>['delivery_status'];

/** A transmission report's `delivery_status` as a submission status: ACK → accepted, NAK or refusal → rejected. */
export function statusOfTransmission(status: TransmissionStatus): SubmissionStatus {
  return status === 'Acked' ? 'accepted' : 'rejected';
}

/** A delivery report's `delivery_status` as a submission status. */
export function statusOfDelivery(status: DeliveryStatus): SubmissionStatus {
  switch (status) {
    case 'Delivered':
    case 'FincopyReleased':
      return 'delivered';
    case 'DelayedNak':
      return 'rejected';
    case 'Aborted':
    case 'Overdue':
      return 'undelivered';
  }
}
