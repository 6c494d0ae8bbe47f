/**
 * The OpenAPI 3.1 description of the reference server and its interactive
 * reference: {@link createOpenApiDocument} builds the document from the route
 * table {@link TOLLGATE_API_ROUTES} (requests from the routes' own zod
 * schemas, answers from `schemas.ts`), {@link openApiRoutes} serves it at
 * `GET /openapi.json` with a Scalar API Reference at `GET /docs`.
 * @module
 */
export {
  createOpenApiDocument,
  type DocumentedAnswer,
  documentedAnswer,
  OPENAPI_VERSION,
  type OpenApiDocument,
  type OpenApiDocumentOptions,
  type OpenApiOperation,
} from './document.js';
export {
  COMPONENT_SCHEMA_PREFIX,
  type JsonSchema,
  type SchemaDirection,
  toComponentSchemas,
  toInlineSchema,
} from './json-schema.js';
export { openApiPath } from './paths.js';
export {
  API_TAGS,
  type ApiMethod,
  type ApiParameter,
  type ApiProblem,
  type ApiRequestBody,
  type ApiResponse,
  type ApiResponseHeader,
  type ApiRoute,
  type ApiTag,
  REQUEST_SCHEMAS,
  RESPONSE_SCHEMAS,
  TOLLGATE_API_ROUTES,
} from './route-table.js';
export {
  DEFAULT_DOCS_SCRIPT_INTEGRITY,
  DEFAULT_DOCS_SCRIPT_URL,
  type OpenApiRoutesOptions,
  openApiRoutes,
} from './routes.js';
export * from './schemas.js';
