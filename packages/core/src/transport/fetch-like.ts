/** The shape of `fetch` the transport calls: the global one, undici's, or a sandbox's. */
export type FetchLike = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
