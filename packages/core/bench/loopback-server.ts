/**
 * A loopback HTTP server for the transport benchmark, run in its own process
 * so it does not share the client's event loop. Prints its port on stdout.
 */
import { createServer } from 'node:http';

const body = JSON.stringify({
  base: 'EUR',
  date: '2026-11-20',
  rates: { USD: '1.0871', BDT: '129.42' },
});
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
let connections = 0;
server.on('connection', () => {
  connections += 1;
});
/** The benchmark asks how many TCP connections were opened (keep-alive should hold it near the concurrency). */
process.on('message', () => process.send?.({ connections }));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
