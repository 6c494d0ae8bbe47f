/**
 * A Hono route path as an OpenAPI path template: `:id` becomes `{id}`, and a
 * parameter's own pattern (`:period{[0-9]{4}-[0-9]{2}}`) is dropped
 * (`{period}`). `/sessions/:id/share` → `/sessions/{id}/share`.
 */
export function openApiPath(honoPath: string): string {
  return honoPath
    .split('/')
    .map((segment) => {
      const match = /^:([A-Za-z0-9_]+)(\{.*\})?\??$/.exec(segment);
      return match === null ? segment : `{${match[1]}}`;
    })
    .join('/');
}
