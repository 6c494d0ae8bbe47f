import { z } from 'zod';

/**
 * Where a shipment stands, the same words for every carrier:
 * - `pre_transit`: booked or labelled, not yet in the carrier's hands;
 * - `picked_up`: the carrier has it (courier pick-up, or a container gated in at the port of loading);
 * - `in_transit`: moving through the network (hubs, vessels, transshipments);
 * - `customs`: held or processed by customs;
 * - `arrived`: at the destination facility or port (a container discharged);
 * - `out_for_delivery`: with the courier for delivery;
 * - `delivered`: delivered (a container gated out laden at destination);
 * - `exception`: a problem the shipper may have to act on (held, bad address, damaged);
 * - `returned`: on its way back to, or back with, the shipper;
 * - `unknown`: the carrier said something this contract cannot place.
 */
export const TRACKING_STATUSES = [
  'pre_transit',
  'picked_up',
  'in_transit',
  'customs',
  'arrived',
  'out_for_delivery',
  'delivered',
  'exception',
  'returned',
  'unknown',
] as const;

/** A normalized tracking status (see {@link TRACKING_STATUSES}). */
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** Zod schema of a {@link TrackingStatus}. */
export const trackingStatus = z.enum(TRACKING_STATUSES);
