import { Hono } from 'hono';
import { ServerProblem } from '../errors/problem.js';
import { submissionJson } from '../submissions/submission-json.js';
import type { SubmissionStore } from '../submissions/submission-store.js';
import type { AppEnv } from '../types.js';

/**
 * `GET /submissions/:id`: a partner submission of the caller's tenant — its
 * status (`pending`, `submitted`, `success`, `failed`), the partner's status
 * word and reference, attempts and next retry. Another tenant's is a 404.
 */
export function submissionRoutes(submissions: SubmissionStore): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/submissions/:id', async (c) => {
    const submission = await submissions.get(c.req.param('id'), c.get('principal').tenantId);
    if (submission === undefined) throw new ServerProblem('not_found', 'No such submission.');
    return c.json(submissionJson(submission));
  });
}
