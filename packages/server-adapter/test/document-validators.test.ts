import { createLedger, memoryStore } from '@tollgate/billing';
import { describe, expect, it } from 'vitest';
import { createTollgate } from '../src/index.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');

async function uploadPdf(validators: Parameters<typeof createTollgate>[0]['documentValidators']) {
  const store = memoryStore();
  const tollgate = createTollgate({
    store,
    ...(validators === undefined ? {} : { documentValidators: validators }),
  });
  const { key } = await tollgate.apiKeys.issue({ tenantId: 'acme', role: 'sme' });
  const form = new FormData();
  form.append('documents', new Blob([PDF], { type: 'application/pdf' }), 'invoice.pdf');
  const response = await tollgate.app.request('/uploads', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  expect(response.status).toBe(201);
  const events = (await createLedger({ store }).list({ tenantId: 'acme' })).events;
  return {
    answer: (await response.json()) as { findings: { code: string }[]; billing_recorded: boolean },
    events,
  };
}

describe('pluggable validators of other document types', () => {
  it('runs the PDF validator on the bytes and bills sme.validation once', async () => {
    const seen: { name: string; bytes: number }[] = [];
    const { answer, events } = await uploadPdf({
      pdf: ({ name, bytes }) => {
        seen.push({ name, bytes: bytes.length });
        return [
          {
            severity: 'warning',
            code: 'invoice.total_missing',
            message: 'No total found',
            tags: [],
          },
        ];
      },
    });
    expect(seen).toEqual([{ name: 'invoice.pdf', bytes: PDF.length }]);
    expect(answer).toMatchObject({
      billing_recorded: true,
      findings: [{ code: 'invoice.total_missing' }],
    });
    expect(events.map((event) => event.operation)).toEqual(['sme.validation']);
  });

  it('bills nothing when the validator fails, or when none is configured', async () => {
    const failed = await uploadPdf({
      pdf: () => {
        throw new Error('OCR service down');
      },
    });
    expect(failed.answer).toMatchObject({
      billing_recorded: false,
      findings: [{ code: 'document.check_failed' }],
    });
    expect(failed.events).toEqual([]);
    const none = await uploadPdf(undefined);
    expect(none.answer).toMatchObject({
      billing_recorded: false,
      findings: [{ code: 'document.pdf_not_checked' }],
    });
    expect(none.events).toEqual([]);
  });
});
