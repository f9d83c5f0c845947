// The bare baseline of the API phase: node:http + pg, no framework. It answers `GET /communities` and
// `POST /communities` with the SQL the organization service runs for them, in the organization service's own
// schema, behind the same token check (a JWT of the identity service verified by its JWKS, issuer, audience,
// expiry, the `roles` claim; a verified token remembered until it expires, as the platform does). It skips what a
// service does besides: request context and ids, metrics, logs, security headers, the DTO pipes, CQRS, TypeORM.
// Its events go to a table of its own (`bare_outbox_message`), so the organization's relay never sends them.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const { PORT, DATABASE_URL, DATABASE_SCHEMA, OIDC_ISSUER } = process.env;
const audience = process.env.OIDC_AUDIENCE ?? 'urn:jianfu:api';
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 10, options: `-c search_path=${DATABASE_SCHEMA}` });

const discovery = await (await fetch(`${OIDC_ISSUER}/.well-known/openid-configuration`)).json();
const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
const verified = new Map();
const maxTokens = 10_000;

async function principalOf(request) {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice(7).trim();
  const known = verified.get(token);
  if (known && known.expiresAt > Date.now()) return known.principal;
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: OIDC_ISSUER,
      audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      requiredClaims: ['sub', 'exp'],
    });
    const principal = { userId: payload.sub, roles: payload.roles ?? [], scope: payload.org_scope ?? {} };
    if (verified.size >= maxTokens) verified.delete(verified.keys().next().value);
    verified.set(token, { principal, expiresAt: payload.exp * 1000 });
    return principal;
  } catch {
    return null;
  }
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const columns = `c.id, c.code, c.name, s.code AS "streetCode", s.name AS "streetName",
  s.district_code AS "districtCode", c.status, m.code AS "mergedIntoCode"`;
const from = `community c JOIN street s ON s.id = c.street_id LEFT JOIN community m ON m.id = c.merged_into`;
const where = `s.district_code = $1 AND c.status = 'active'`;

// `prepared`: the same statement as a named (prepared) one, as the organization service's repository reads it; the
// API phase measures the bare handler both ways, so the framework's own cost is seen apart from Postgres's.
async function listCommunities(principal, url, response, prepared) {
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500 || !Number.isInteger(offset) || offset < 0) {
    return send(response, 400, { code: 'validation' });
  }
  // The statement of the service's repository (selectPage): the page and, as a window over the same rows, the total.
  const page = await db.query({
    ...(prepared ? { name: 'list-communities' } : {}),
    text: `SELECT count(*) OVER ()::int AS "__total", ${columns} FROM ${from} WHERE ${where} ORDER BY c.code OFFSET $2 LIMIT $3`,
    values: [principal.scope.districtCode, offset, limit],
  });
  const total = page.rows[0]?.__total ?? 0;
  const items = page.rows.map(({ __total, ...item }) => item);
  send(response, 200, { items, total, offset, limit });
}

const codePattern = /^[0-9A-Za-z-]{1,32}$/;

async function createCommunity(principal, body, response) {
  const { code, name, streetCode, partyMemberCount = 0 } = body ?? {};
  if (
    typeof code !== 'string' ||
    !codePattern.test(code) ||
    typeof name !== 'string' ||
    name.length < 1 ||
    name.length > 100 ||
    typeof streetCode !== 'string' ||
    !codePattern.test(streetCode) ||
    !Number.isInteger(partyMemberCount)
  ) {
    return send(response, 400, { code: 'validation' });
  }
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const street = (
      await client.query('SELECT id, code, name, district_code, created_at FROM street WHERE code = $1', [streetCode])
    ).rows[0];
    if (!street || street.district_code !== principal.scope.districtCode) {
      await client.query('ROLLBACK');
      return send(response, 404, { code: 'street' });
    }
    await client.query("SELECT pg_advisory_xact_lock(hashtext('unit-code:' || $1))", [code]);
    const taken = await client.query(
      `SELECT 1 FROM street WHERE code = $1 UNION ALL SELECT 1 FROM community WHERE code = $1
       UNION ALL SELECT 1 FROM grid WHERE code = $1`,
      [code],
    );
    if (taken.rowCount > 0) {
      await client.query('ROLLBACK');
      return send(response, 409, { code: 'duplicate' });
    }
    const communityId = randomUUID();
    await client.query('INSERT INTO community (id, code, name, street_id) VALUES ($1, $2, $3, $4)', [
      communityId,
      code,
      name,
      street.id,
    ]);
    await client.query(`INSERT INTO party_organisation (community_id, kind, member_count) VALUES ($1, 'branch', $2)`, [
      communityId,
      partyMemberCount,
    ]);
    await client.query(
      `INSERT INTO hierarchy_change (unit_kind, unit_id, unit_code, change, details, changed_by)
       VALUES ('community', $1, $2, 'created', $3, $4)`,
      [communityId, code, JSON.stringify({ name, parentCode: street.code }), principal.userId],
    );
    const envelope = {
      id: randomUUID(),
      type: 'organization.community.created',
      version: 1,
      source: 'organization',
      occurredAt: new Date().toISOString(),
      aggregateType: 'community',
      aggregateId: communityId,
      correlationId: randomUUID(),
      payload: { communityId, code, name, streetCode: street.code, districtCode: street.district_code },
    };
    await client.query(
      `INSERT INTO bare_outbox_message (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [envelope.id, 'organization.events.v1', communityId, envelope.type, JSON.stringify(envelope)],
    );
    await client.query(`SELECT pg_notify('bare_outbox', '')`);
    await client.query('COMMIT');
    send(response, 201, { communityId });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://bare');
    if (url.pathname === '/health/ready') return send(response, 200, { status: 'ok' });
    const prepared = url.pathname === '/prepared/communities';
    if (url.pathname !== '/communities' && !(prepared && request.method === 'GET')) {
      return send(response, 404, { code: 'not-found' });
    }
    const body = request.method === 'POST' ? await readBody(request) : undefined;
    const principal = await principalOf(request);
    if (!principal) return send(response, 401, { code: 'unauthorized' });
    if (request.method === 'GET') return await listCommunities(principal, url, response, prepared);
    if (!principal.roles.includes('organization-admin')) return send(response, 403, { code: 'forbidden' });
    return await createCommunity(principal, body, response);
  } catch (error) {
    send(response, 500, { code: 'internal', detail: error.message });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => db.end().then(() => process.exit(0))));
