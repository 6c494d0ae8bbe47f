import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** The port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
  /**
   * How long `close()` lets in-flight requests finish before cutting their
   * connections, in ms. Default 10000.
   */
  shutdownTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /**
   * Stop gracefully: stop accepting connections, close idle keep-alive
   * connections, let in-flight requests finish (each answered with
   * `Connection: close`), and resolve once every connection is closed — or cut
   * the rest after `shutdownTimeoutMs`. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Serve a web-standard `fetch` handler (the Tollgate app) over Node's `http`,
 * resolving once it listens. The only Node-specific part of the server.
 */
export function serve(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: ServeOptions = {},
): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let closing: Promise<void> | undefined;
    const inFlight = new Set<ServerResponse>();
    const server = serveNode(
      { fetch: (request) => app.fetch(request), port: options.port ?? 3000, hostname },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => {
            closing ??= closeGracefully(server, inFlight, timeoutMs);
            return closing;
          },
        });
      },
    ) as Server;
    server.on('request', (_request, response: ServerResponse) => {
      if (closing !== undefined) response.setHeader('connection', 'close');
      inFlight.add(response);
      response.once('close', () => {
        inFlight.delete(response);
        if (closing !== undefined) server.closeIdleConnections();
      });
    });
    server.once('error', reject);
  });
}

function closeGracefully(
  server: Server,
  inFlight: ReadonlySet<ServerResponse>,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((done, fail) => {
    // Responses still to be written tell their clients not to reuse the connection.
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    deadline.unref();
    server.close((error) => {
      clearTimeout(deadline);
      if (error) fail(error);
      else done();
    });
    server.closeIdleConnections();
  });
}
