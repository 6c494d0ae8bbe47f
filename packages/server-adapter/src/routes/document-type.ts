import type { DocumentType } from '../sessions/session-store.js';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * What a document is by its content, never its name or declared type: a PDF
 * (`%PDF-` magic), FIN/MT text (starts with `{1:`, or has a `{4:` block or a
 * `:20:` line), or `undefined` for anything else.
 */
export function detectDocumentType(bytes: Uint8Array): DocumentType | undefined {
  if (PDF_MAGIC.every((byte, index) => bytes[index] === byte)) return 'pdf';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{1:') || trimmed.includes('{4:') || /^:20:/m.test(trimmed)) return 'mt';
  return undefined;
}
