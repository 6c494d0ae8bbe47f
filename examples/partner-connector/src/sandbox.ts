import { HttpResponse, http } from 'msw';

const TOKEN_PREFIX = 'acme-sandbox-token-';

/**
 * msw handlers imitating Acme Freight's API: an OAuth2 token endpoint
 * (client_secret_basic), quotes, and bookings that honour `Idempotency-Key`
 * (a repeated key returns the first booking, as Acme does).
 */
export function acmeSandbox({ baseUrl }: { baseUrl: string }) {
  let tokens = 0;
  const bookingsByKey = new Map<string, Record<string, string>>();
  const authorized = (request: Request) =>
    request.headers.get('authorization')?.startsWith(`Bearer ${TOKEN_PREFIX}`) === true;
  const unauthorized = () =>
    HttpResponse.json(
      { error: 'invalid_token' },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );

  return [
    http.post(`${baseUrl}/oauth/token`, async ({ request }) => {
      const basic = request.headers.get('authorization') ?? '';
      const form = new URLSearchParams(await request.text());
      if (!basic.startsWith('Basic ') || form.get('grant_type') !== 'client_credentials') {
        return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      }
      tokens += 1;
      return HttpResponse.json({
        access_token: `${TOKEN_PREFIX}${tokens}`,
        token_type: 'bearer',
        expires_in: 3600,
      });
    }),
    http.post(`${baseUrl}/v2/quotes`, async ({ request }) => {
      if (!authorized(request)) return unauthorized();
      const body = (await request.json()) as {
        origin: string;
        destination: string;
        weightKg: string;
        service: string;
      };
      // Acme prices in USD: 18.00 base + 6.50 per started kilogram, economy at 60 %.
      const kilos = Math.ceil(Number(body.weightKg));
      const cents = ((1800 + 650 * kilos) * (body.service === 'economy' ? 6 : 10)) / 10;
      return HttpResponse.json({
        quote_id: `Q-${body.origin}${body.destination}-${kilos}`,
        total: { amount: (cents / 100).toFixed(2), currency: 'USD' },
        transit_days: body.service === 'economy' ? 9 : 3,
      });
    }),
    http.post(`${baseUrl}/v2/bookings`, async ({ request }) => {
      if (!authorized(request)) return unauthorized();
      const key = request.headers.get('idempotency-key');
      if (!key) return HttpResponse.json({ error: 'Idempotency-Key required' }, { status: 400 });
      const previous = bookingsByKey.get(key);
      if (previous) return HttpResponse.json(previous, { status: 200 });
      const { quote_id } = (await request.json()) as { quote_id: string };
      const booking = {
        booking_id: `B-${bookingsByKey.size + 1}`,
        tracking_number: `AF${String(700000 + bookingsByKey.size)}`,
        quote_id,
        status: 'booked',
      };
      bookingsByKey.set(key, booking);
      return HttpResponse.json(booking, { status: 201 });
    }),
    http.get(`${baseUrl}/v2/ping`, ({ request }) =>
      authorized(request) ? HttpResponse.json({ ok: true }) : unauthorized(),
    ),
  ];
}
