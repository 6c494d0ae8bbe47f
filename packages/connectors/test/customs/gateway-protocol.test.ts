import { createSandboxFetch } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { createCustomsOutbox, customsSandbox } from '../../src/customs/sandbox.js';

// The sandbox speaks HMRC's Customs Declarations API conventions: these tests
// call it over raw HTTP, the way a misbehaving client would.
const baseUrl = 'https://gateway.test';
const accept = 'application/vnd.hmrc.1.0+json';

function gateway() {
  const outbox = createCustomsOutbox();
  const fetch = createSandboxFetch(customsSandbox({ baseUrl, outbox, clients: { app: 's3cret' } }));
  const token = async () => {
    const response = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=app&client_secret=s3cret&scope=write%3Acustoms-declaration',
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  return { fetch, token, outbox };
}

function body(overrides: { country?: string; code?: string; lrn?: string } = {}) {
  return JSON.stringify({
    metaData: {
      wcoDataModelVersionCode: '3.6',
      wcoTypeName: 'DEC',
      responsibleCountryCode: overrides.country ?? 'BD',
    },
    declaration: {
      functionCode: '9',
      functionalReferenceId: overrides.lrn ?? 'ACC-RAW-1',
      typeCode: 'IMA',
      declarationOfficeId: 'CHTG01',
      goodsItemQuantity: 1,
      goodsShipment: {
        governmentAgencyGoodsItems: [
          {
            sequenceNumeric: 1,
            commodity: {
              classifications: [
                { id: overrides.code ?? '61091000', identificationTypeCode: 'TSP' },
              ],
            },
          },
        ],
      },
    },
  });
}

async function submit(headers: Record<string, string>, payload = body()) {
  const { fetch, token } = gateway();
  const bearer = `Bearer ${await token()}`;
  const response = await fetch(`${baseUrl}/customs/declarations`, {
    method: 'POST',
    headers: {
      accept,
      'content-type': 'application/json',
      authorization: bearer,
      'x-submitter-identifier': 'BD000123456789',
      ...headers,
    },
    body: payload,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}

describe('the customs sandbox answers like HMRC', () => {
  it('202 Accepted with X-Conversation-ID', async () => {
    const { status, headers, json } = await submit({});
    expect(status).toBe(202);
    expect(headers.get('x-conversation-id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(json).toMatchObject({ functionalReferenceId: 'ACC-RAW-1' });
  });

  it.each([
    [
      { accept: 'application/json' },
      406,
      'ACCEPT_HEADER_INVALID',
      'The accept header is missing or invalid',
    ],
    [
      { 'content-type': 'application/xml' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'The content type header is missing or invalid',
    ],
    [
      { authorization: 'Bearer forged' },
      401,
      'UNAUTHORIZED',
      'Bearer token is missing or not authorized',
    ],
    [
      { 'x-submitter-identifier': 'not valid!' },
      400,
      'BAD_REQUEST',
      'X-Submitter-Identifier or X-Badge-Identifier header is missing or invalid',
    ],
  ])('refuses %o with %i %s', async (headers, status, code, message) => {
    const result = await submit(headers);
    expect(result.status).toBe(status);
    expect(result.json).toEqual({ code, message });
  });

  it('lists schema errors as BAD_REQUEST with nested errors', async () => {
    const result = await submit({}, body({ country: 'GB' }));
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Payload is not valid according to schema',
      errors: [{ code: 'json_validation_error', path: 'metaData.responsibleCountryCode' }],
    });
    expect((await submit({}, '{not json')).json).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('rejects a commodity code of the wrong national length through a notification, not a 400', async () => {
    const { fetch, token, outbox } = gateway();
    const response = await fetch(`${baseUrl}/customs/declarations`, {
      method: 'POST',
      headers: {
        accept,
        'content-type': 'application/json',
        authorization: `Bearer ${await token()}`,
        'x-badge-identifier': 'ABC123',
      },
      body: body({ code: '6109100012', lrn: 'ACC-WRONG-LEN' }),
    });
    expect(response.status).toBe(202);
    const [received, rejected] = outbox.take().map((callback) => callback.notification);
    expect(received?.functionCode).toBe('02');
    expect(rejected).toMatchObject({
      functionCode: '03',
      errors: [{ validationCode: 'SBX-CC-001' }],
    });
  });

  it('pulls notifications per conversation, 404 NOT_FOUND for unknown ones, 406 without the Accept header', async () => {
    const { fetch, token } = gateway();
    const bearer = `Bearer ${await token()}`;
    const unknown = await fetch(
      `${baseUrl}/notifications/conversationId/00000000-0000-4000-8000-000000000042`,
      {
        headers: { accept, authorization: bearer },
      },
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'The requested resource could not be found',
    });
    const noAccept = await fetch(`${baseUrl}/hello/application`, {
      headers: { authorization: bearer },
    });
    expect(noAccept.status).toBe(406);
    const hello = await fetch(`${baseUrl}/hello/application`, {
      headers: { accept, authorization: bearer },
    });
    expect(await hello.json()).toEqual({ message: 'Hello Application' });
  });

  it('refuses an OAuth client whose secret it does not know (invalid_client)', async () => {
    const { fetch } = gateway();
    const response = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=app&client_secret=invalid-1',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('keeps state per factory call', async () => {
    const first = await submit({});
    const second = await submit({});
    expect(first.headers.get('x-conversation-id')).toBe(second.headers.get('x-conversation-id'));
  });
});
