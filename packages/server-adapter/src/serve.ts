import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** The port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** Stop accepting connections and resolve when the server is closed. */
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
  return new Promise((resolve, reject) => {
    const server = serveNode(
      { fetch: (request) => app.fetch(request), port: options.port ?? 3000, hostname },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
