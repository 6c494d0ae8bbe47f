import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createEventBus, createTransport } from '../src/index.js';
import { createSandboxFetch } from '../src/testing/index.js';

describe('event bus', () => {
  it('a listener that throws or rejects cannot break a request, and others still run', async () => {
    const failures: string[] = [];
    const events = createEventBus({ onListenerError: (_error, event) => failures.push(event) });
    const later = vi.fn();
    events.on('request.start', () => {
      throw new Error('listener bug');
    });
    events.on('request.start', async () => {
      throw new Error('async listener bug');
    });
    events.on('request.start', later);
    events.on('request.success', () => {
      throw new Error('another bug');
    });
    const transport = createTransport({
      baseUrl: 'https://x.test',
      events,
      fetch: createSandboxFetch([http.get('https://x.test/ok', () => HttpResponse.json({ a: 1 }))]),
    });
    const response = await transport.request({ path: '/ok' });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(later).toHaveBeenCalledOnce();
    expect(failures.sort()).toEqual(['request.start', 'request.start', 'request.success']);
  });

  it('once-listeners fire once; on() returns an unsubscribe function', () => {
    const events = createEventBus();
    const once = vi.fn();
    const many = vi.fn();
    events.once('circuit.open', once);
    const off = events.on('circuit.open', many);
    events.emit('circuit.open', { connectorId: 'a' });
    events.emit('circuit.open', { connectorId: 'a' });
    off();
    events.emit('circuit.open', { connectorId: 'a' });
    expect(once).toHaveBeenCalledOnce();
    expect(many).toHaveBeenCalledTimes(2);
    expect(events.listenerCount('circuit.open')).toBe(0);
  });

  it('request events never carry the query string (API keys may live there)', async () => {
    const events = createEventBus();
    const urls: string[] = [];
    events.on('request.start', (e) => urls.push(e.url));
    const transport = createTransport({
      baseUrl: 'https://x.test',
      events,
      fetch: createSandboxFetch([http.get('https://x.test/q', () => HttpResponse.json({}))]),
    });
    await transport.request({ path: '/q', query: { api_key: 'sk_live_secret', a: 1 } });
    expect(urls).toEqual(['https://x.test/q']);
  });
});
