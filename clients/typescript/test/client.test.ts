/**
 * Runs the client against a live app and Keycloak (src/main/scripts/run.sh, or the smoke run):
 *
 *   JIXIAO_API=http://localhost:8080 JIXIAO_OIDC=http://localhost:8180/realms/jixiao npm test
 *
 * Walks part of a 2023 evaluation of the Wenchong project as the demo users: the street office
 * finds its project, the bureau creates and opens an evaluation, the assessor scores every
 * ASSESSOR item at its maximum (100.00); then reads problems through ProblemError.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { createClient, ProblemError, type Evaluation, type JixiaoClient, type Project } from '../src/client.js';

const API = process.env.JIXIAO_API ?? 'http://localhost:8080';
const OIDC = (process.env.JIXIAO_OIDC ?? 'http://localhost:8180/realms/jixiao').replace(/\/+$/, '');
const PROJECT_NAME = '文冲街社工服务站（家庭综合服务中心）运营项目';
const FRAMEWORK_ID = 'a0f1e2d3-0000-4000-8000-000000000001';
const YEAR = 2023;

/** An access token by password grant with the demo CLI client. */
async function passwordToken(username: string): Promise<string> {
  const res = await fetch(`${OIDC}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'jixiao-cli', username, password: 'jixiao-demo' }),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token) {
    throw new Error(`no token for ${username} from ${OIDC}: ${res.status} ${body.error_description ?? ''}`);
  }
  return body.access_token;
}

/** A client acting as one demo user (the token is fetched once, lazily). */
function clientAs(username: string): JixiaoClient {
  let token: Promise<string> | undefined;
  return createClient({ baseUrl: API, token: () => (token ??= passwordToken(username)) });
}

test('the client against the live app', async (t) => {
  try {
    await fetch(`${API}/q/health/ready`);
  } catch (e) {
    assert.fail(`no app answers at JIXIAO_API=${API} (${(e as Error).message}); start it (src/main/scripts/run.sh) first`);
  }

  const wenchong = clientAs('wenchong');
  const mzj = clientAs('mzj');
  const sgx = clientAs('sgx');

  let project: Project | undefined;
  await t.test('wenchong lists projects and finds the Wenchong project', async () => {
    let cursor: string | undefined;
    do {
      const page = await wenchong.listProjects({ limit: 100, ...(cursor ? { cursor } : {}) });
      project = page.items.find((p) => p.name === PROJECT_NAME) ?? project;
      cursor = page.nextCursor;
    } while (!project && cursor);
    assert.ok(project, `no project named ${PROJECT_NAME}`);
    const again = await wenchong.getProject(project.id);
    assert.equal(again.name, PROJECT_NAME);
    assert.equal(again.purchaser, 'HP-WC');
  });
  assert.ok(project, 'cannot go on without the project');

  const existing = await mzj.listEvaluations({ projectId: project.id, fiscalYear: YEAR, limit: 100 });
  const phase = (['MID_TERM', 'FINAL'] as const).find((ph) => !existing.items.some((e) => e.phase === ph));

  let evaluation: Evaluation | undefined;
  await t.test(`mzj creates a ${YEAR} evaluation and opens it`, { skip: phase ? false : `both ${YEAR} evaluations exist already` }, async () => {
    assert.ok(phase);
    const created = await mzj.createEvaluation(
      { projectId: project!.id, fiscalYear: YEAR, phase, frameworkId: FRAMEWORK_ID, assessor: 'GZ-SGX' },
      { idempotencyKey: `ts-client-${randomUUID()}` },
    );
    assert.equal(created.state, 'DRAFT');
    assert.equal(created.phase, phase);
    assert.equal(created.version, 0);
    evaluation = await mzj.openEvaluation(created.id, { ifMatch: '"0"' });
    assert.equal(evaluation.state, 'OPEN');
  });

  await t.test('sgx submits every ASSESSOR item at its maximum: 201, score 100.00', { skip: evaluation ? false : 'no new evaluation' }, async () => {
    const framework = await sgx.getFramework(FRAMEWORK_ID);
    const assessor = framework.parties?.find((p) => p.party === 'ASSESSOR');
    assert.ok(assessor, 'the framework has no ASSESSOR part');
    const scores = assessor.dimensions.flatMap((d) => d.items.map((i) => ({ item: i.code, score: i.maxPoints })));
    assert.ok(scores.length > 0);
    const res = await sgx.request('post', '/v1/evaluations/{evaluationId}/submissions', {
      path: { evaluationId: evaluation!.id },
      body: { party: 'ASSESSOR', scores },
      headers: { 'Idempotency-Key': `ts-client-${randomUUID()}` },
    });
    assert.equal(res.status, 201);
    assert.equal(res.data.party, 'ASSESSOR');
    assert.equal(res.data.organisation, 'GZ-SGX');
    assert.equal(res.data.revision, 1);
    assert.equal(res.data.score, '100.00');
    assert.ok(res.etag, 'a submission answers with its ETag');

    const result = await sgx.getEvaluationResult(evaluation!.id);
    assert.equal(result.state, 'OPEN');
    assert.equal(result.frozen, false);
  });

  await t.test('point in time: asOf reads the evaluation and the scores as they stood then', { skip: evaluation ? false : 'no new evaluation' }, async () => {
    const shenji = clientAs('shenji');
    // the server's own timestamp string (microseconds): a Date would round it down to milliseconds
    const created = evaluation!.createdAt;
    const draft = await shenji.getEvaluation(evaluation!.id, { asOf: created });
    assert.equal(draft.state, 'DRAFT');
    assert.equal(draft.version, 0);
    const before = new Date(new Date(created).getTime() - 1000);
    await assert.rejects(shenji.getEvaluation(evaluation!.id, { asOf: before }), (e: unknown) => {
      assert.ok(e instanceof ProblemError, `expected a ProblemError, got ${String(e)}`);
      assert.equal(e.status, 404);
      return true;
    });
    const own = await sgx.getSubmission(evaluation!.id, 'ASSESSOR');
    const then = await sgx.getSubmission(evaluation!.id, 'ASSESSOR', { asOf: own.submittedAt });
    assert.equal(then.revision, 1);
    assert.equal(then.score, '100.00');
    const revisions = await sgx.listSubmissionRevisions(evaluation!.id, 'ASSESSOR', { asOf: own.submittedAt });
    assert.equal(revisions.items.length, 1);
    const statuses = await shenji.listSubmissions(evaluation!.id, { asOf: created });
    assert.ok(statuses.items.every((s) => !s.submitted), 'nothing was submitted when the evaluation was created');
    await assert.rejects(shenji.getEvaluation(evaluation!.id, { asOf: '2023-06-01' }), (e: unknown) => {
      assert.ok(e instanceof ProblemError, `expected a ProblemError, got ${String(e)}`);
      assert.equal(e.status, 400);
      assert.ok(e.fieldError('asOf'));
      return true;
    });
  });

  await t.test('a second submit is a 409 conflict problem (amend instead)', { skip: evaluation ? false : 'no new evaluation' }, async () => {
    const framework = await sgx.getFramework(FRAMEWORK_ID);
    const items = framework.parties?.find((p) => p.party === 'ASSESSOR')?.dimensions.flatMap((d) => d.items) ?? [];
    await assert.rejects(
      sgx.submitScores(evaluation!.id, { party: 'ASSESSOR', scores: items.map((i) => ({ item: i.code, score: i.maxPoints })) }),
      (e: unknown) => {
        assert.ok(e instanceof ProblemError, `expected a ProblemError, got ${String(e)}`);
        assert.equal(e.status, 409);
        assert.ok(e.type.endsWith('/problems/conflict'), `unexpected problem type ${e.type}`);
        assert.ok(e.title && e.detail);
        return true;
      },
    );
  });

  await t.test('reading: the evaluations of the year and their results', async () => {
    const all = await mzj.listEvaluations({ projectId: project!.id, fiscalYear: YEAR });
    assert.ok(all.items.length > 0, `no ${YEAR} evaluation of the project`);
    for (const e of all.items) {
      const result = await mzj.getEvaluationResult(e.id);
      assert.equal(result.evaluationId, e.id);
      assert.equal(result.state, e.state);
    }
  });

  await t.test('GET /v1/projects?limit=101 is a 400 problem naming the field limit', async () => {
    await assert.rejects(wenchong.listProjects({ limit: 101 }), (e: unknown) => {
      assert.ok(e instanceof ProblemError, `expected a ProblemError, got ${String(e)}`);
      assert.equal(e.status, 400);
      assert.equal(e.errors[0]?.field, 'limit');
      assert.ok(e.fieldError('limit'));
      return true;
    });
  });
});

/** Compile-time checks only (never run): the client refuses what the contract does not have. */
export async function typeChecks(api: JixiaoClient): Promise<void> {
  // @ts-expect-error no such path
  await api.request('get', '/v1/nothing', {});
  // @ts-expect-error the path has no DELETE
  await api.request('delete', '/v1/projects', {});
  // @ts-expect-error the path parameter is required
  await api.request('get', '/v1/projects/{projectId}', {});
  // @ts-expect-error not a party
  await api.submitScores('id', { party: 'NOBODY', scores: [] });
  // @ts-expect-error not a query parameter of listProjects
  await api.listProjects({ colour: 'red' });
  // @ts-expect-error asOf is a date-time string or a Date
  await api.getEvaluation('id', { asOf: 20230601 });
  const result = await api.getEvaluationResult('id');
  // @ts-expect-error not a property of EvaluationResult
  void result.nonsense;
  if (result.state === 'FINALIZED') {
    // once finalized the total and grade are always there
    const total: string = result.total;
    const grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' = result.grade;
    void total;
    void grade;
  } else {
    // @ts-expect-error before finalization there is no total to rely on
    const total: string = result.total;
    void total;
  }
}
