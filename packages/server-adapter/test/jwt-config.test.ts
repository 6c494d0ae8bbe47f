import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { jwtVerifier } from '../src/auth/jwt.js';
import { jwtOptionsFromEnv } from '../src/auth/jwt-config.js';

const required = {
  TOLLGATE_JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
  TOLLGATE_JWT_ISSUER: 'https://idp.example.com/',
  TOLLGATE_JWT_AUDIENCE: 'https://api.tollgate.dev',
};

describe('jwtOptionsFromEnv', () => {
  it('is undefined when no JWT variable is set', () => {
    expect(jwtOptionsFromEnv({})).toBeUndefined();
    expect(jwtOptionsFromEnv({ TOLLGATE_JWT_ISSUER: '', PORT: '8080' })).toBeUndefined();
  });

  it('reads the three required variables; issuer and audience may be lists', () => {
    const options = jwtOptionsFromEnv({
      ...required,
      TOLLGATE_JWT_AUDIENCE: 'https://api.tollgate.dev, tollgate ',
    });
    expect(options).toEqual({
      jwksUrl: required.TOLLGATE_JWT_JWKS_URL,
      issuer: ['https://idp.example.com/'],
      audience: ['https://api.tollgate.dev', 'tollgate'],
    });
    expect(() => jwtVerifier(options as NonNullable<typeof options>)).not.toThrow();
  });

  it('reads the optional variables', () => {
    expect(
      jwtOptionsFromEnv({
        ...required,
        TOLLGATE_JWT_ALGORITHMS: 'ES256,PS256',
        TOLLGATE_JWT_TENANT_CLAIM: 'https://tollgate.dev/tenant',
        TOLLGATE_JWT_ROLE_CLAIM: 'https://tollgate.dev/role',
        TOLLGATE_JWT_SCOPES_CLAIM: 'scp',
        TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS: '5',
      }),
    ).toMatchObject({
      algorithms: ['ES256', 'PS256'],
      clockToleranceSeconds: 5,
      claims: {
        tenant: 'https://tollgate.dev/tenant',
        role: 'https://tollgate.dev/role',
        scopes: 'scp',
      },
    });
  });

  it('names the missing or bad variables, never their values', () => {
    let error: unknown;
    try {
      jwtOptionsFromEnv({ TOLLGATE_JWT_ISSUER: 'https://secret-issuer.example/' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toContain('TOLLGATE_JWT_JWKS_URL');
    expect(message).toContain('TOLLGATE_JWT_AUDIENCE');
    expect(message).not.toContain('secret-issuer');
    expect(() => jwtOptionsFromEnv({ ...required, TOLLGATE_JWT_AUDIENCE: ' , ' })).toThrow(
      /TOLLGATE_JWT_AUDIENCE/,
    );
    expect(() =>
      jwtOptionsFromEnv({ ...required, TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS: 'soon' }),
    ).toThrow(/TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS/);
  });
});
