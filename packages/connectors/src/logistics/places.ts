import { ValidationError, type ValidationIssue } from '@tollgate/core';
import { z } from 'zod';
import { countryCode, type Place } from './schema.js';

/**
 * Per-country defaults a connection fills into a quote whose place lacks a
 * city or postal code the carrier needs, e.g. the shipper's own warehouse:
 * `{ DE: { city: 'Bonn', postalCode: '53113' } }`.
 */
export const placeDefaults = z.record(
  countryCode,
  z.object({
    city: z.string().trim().min(1).max(45),
    postalCode: z.string().trim().min(1).max(12).optional(),
    stateCode: z.string().trim().min(1).max(3).optional(),
  }),
);

/** Parsed {@link placeDefaults}. */
export type PlaceDefaults = z.output<typeof placeDefaults>;

/** A place field a carrier may require. */
export type PlaceField = 'city' | 'postalCode' | 'stateCode';

/** Which place is completed, for the issue paths (`origin.city`). */
export interface PlaceRequirement {
  path: string;
  place: Place;
  required: readonly PlaceField[];
}

/**
 * Fill each place's missing fields from `defaults` (for its country), then
 * check that every field the carrier requires is there. Missing ones are one
 * `ValidationError` listing them all, raised before anything is sent.
 */
export function completePlaces(
  connectorId: string,
  requirements: readonly PlaceRequirement[],
  defaults: PlaceDefaults | undefined,
): Place[] {
  const issues: ValidationIssue[] = [];
  const completed = requirements.map(({ path, place, required }) => {
    const fallback = defaults?.[place.countryCode];
    const filled: Place = {
      ...place,
      ...(place.city === undefined && fallback?.city !== undefined ? { city: fallback.city } : {}),
      ...(place.postalCode === undefined && fallback?.postalCode !== undefined
        ? { postalCode: fallback.postalCode }
        : {}),
      ...(place.stateCode === undefined && fallback?.stateCode !== undefined
        ? { stateCode: fallback.stateCode }
        : {}),
    };
    for (const field of required) {
      if (filled[field] === undefined) {
        issues.push({
          path: [path, field],
          code: 'required_by_carrier',
          message: `${connectorId} needs ${path}.${field} (give it, or set placeDefaults.${place.countryCode} in the config)`,
        });
      }
    }
    return filled;
  });
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid input for ${connectorId}: ${issues.map((issue) => issue.message).join('; ')}`,
      issues,
      { connectorId },
    );
  }
  return completed;
}

/**
 * {@link completePlaces} for a quote's two ends, each needing the fields
 * `required` names for its country, with the connection's `placeDefaults`.
 */
export function completeLane(
  connectorId: string,
  lane: { origin: Place; destination: Place },
  required: (place: Place) => readonly PlaceField[],
  config: { placeDefaults?: PlaceDefaults | undefined },
): [origin: Place, destination: Place] {
  const [origin, destination] = completePlaces(
    connectorId,
    [
      { path: 'origin', place: lane.origin, required: required(lane.origin) },
      { path: 'destination', place: lane.destination, required: required(lane.destination) },
    ],
    config.placeDefaults,
  ) as [Place, Place];
  return [origin, destination];
}
