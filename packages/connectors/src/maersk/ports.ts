import { ValidationError } from '@tollgate/core';

/**
 * The main container port of a country, used when a quote names a country
 * but no port: a starting point, not advice. Override per connection with
 * `portDefaults`, or pass `originPort` / `destinationPort`.
 */
export const MAIN_CONTAINER_PORTS: Readonly<Record<string, string>> = Object.freeze({
  AE: 'AEJEA',
  BD: 'BDCGP',
  BE: 'BEANR',
  BR: 'BRSSZ',
  CN: 'CNSHA',
  DE: 'DEHAM',
  EG: 'EGPSD',
  ES: 'ESVLC',
  FR: 'FRLEH',
  GB: 'GBFXT',
  IN: 'INNSA',
  IT: 'ITGOA',
  JP: 'JPTYO',
  KR: 'KRPUS',
  LK: 'LKCMB',
  MY: 'MYPKG',
  NL: 'NLRTM',
  PK: 'PKKHI',
  SG: 'SGSIN',
  TR: 'TRMER',
  US: 'USNYC',
  VN: 'VNSGN',
});

/** The port to quote for a place: given, else the connection's default, else the country's main port. */
export function portFor(
  path: string,
  countryCode: string,
  given: string | undefined,
  defaults: Readonly<Record<string, string>> | undefined,
): string {
  const port = given ?? defaults?.[countryCode] ?? MAIN_CONTAINER_PORTS[countryCode];
  if (port === undefined) {
    throw new ValidationError(`maersk needs ${path}Port: no default port for ${countryCode}`, [
      {
        path: [`${path}Port`],
        code: 'required_by_carrier',
        message: `no default port for ${countryCode}; give ${path}Port or set portDefaults.${countryCode}`,
      },
    ]);
  }
  if (!port.startsWith(countryCode)) {
    throw new ValidationError(`maersk ${path}Port ${port} is not in ${countryCode}`, [
      {
        path: [`${path}Port`],
        code: 'port_not_in_country',
        message: `${port} is not in ${countryCode}`,
      },
    ]);
  }
  return port;
}
