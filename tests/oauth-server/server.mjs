// Restcall OAuth 2.0 interoperability test server.
//
// Starts, on 127.0.0.1 only and on free ports:
//   * a real OAuth 2.0 authorization server (npm `oidc-provider`, pinned in
//     package-lock.json) offering only the client credentials grant and
//     issuing JWT access tokens (RFC 9068, RS256) for the protected API;
//   * a protected API (Node `http`) that verifies those tokens for real
//     (signature against the provider's jwks_uri, iss, aud, exp);
//   * for mutual TLS (RFC 8705), the same provider and API over HTTPS too,
//     asking for a client certificate, with a test CA and certificates made
//     at start (test-pki.mjs).
//
// When ready it prints exactly one JSON line on stdout:
//   {"issuer":"http://127.0.0.1:P","token_url":"http://127.0.0.1:P/token",
//    "api_url":"http://127.0.0.1:Q","jwks_url":"http://127.0.0.1:P/jwks",
//    "rsa_key_file":"/tmp/…/rsa.pem","ec_key_file":"/tmp/…/ec.pem",
//    "mtls_token_url":"https://127.0.0.1:R/token","mtls_api_url":"https://127.0.0.1:S",
//    "ca_file":…,"client_cert":…,"client_key":…,"stranger_cert":…,"stranger_key":…}
// and nothing else ever goes to stdout (diagnostics go to stderr). The two
// key files hold the private keys (PKCS#8 PEM) of the private_key_jwt
// client, made at each start; they are removed when the server exits.
//
// It exits on SIGTERM / SIGINT and when its stdin reaches EOF, so a test
// process that dies takes the server with it (set OAUTH_SERVER_IGNORE_STDIN=1
// to disable the stdin watch, e.g. for `node server.mjs < /dev/null &`).
//
// See README.md for the registered clients and the API routes.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as https from 'node:https';
import { serveUntilStopped } from './lifecycle.mjs';
import { CLIENT_SUBJECT, makeTestPki } from './test-pki.mjs';

// oidc-provider prints development notices with console.info(), i.e. on
// stdout. Our stdout carries only the ready line, so route every console
// method to stderr *before* the library is loaded (hence the dynamic import
// below: static imports would be evaluated before this code runs).
for (const m of ['log', 'info', 'debug']) {
  console[m] = (...args) => console.error(...args);
}
// Silence two expected oidc-provider warnings: the in-memory adapter (fine
// for a throw-away test server) and the one our strict client-auth
// middleware provokes on purpose (it reads the token request body first).
{
  const warn = console.warn.bind(console);
  const expected = ['already parsed request body detected', 'development-only in-memory adapter'];
  console.warn = (...args) => {
    if (typeof args[0] === 'string' && expected.some((e) => args[0].includes(e))) return;
    warn(...args);
  };
}

// Generate the signing key in the thread pool while the library loads.
const keyPairPromise = new Promise((resolve, reject) => {
  crypto.generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
    if (err) reject(err); else resolve({ publicKey, privateKey });
  });
});

// The private_key_jwt client's keys: RSA (RS256, PS256) and P-256 (ES256).
const clientRsaKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const clientEcKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restcall-oauth-server-'));
process.on('exit', () => fs.rmSync(keyDir, { recursive: true, force: true }));
function writeKey(name, { privateKey }) {
  const file = path.join(keyDir, name);
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return file;
}
const RSA_KEY_FILE = writeKey('rsa.pem', clientRsaKey);
const EC_KEY_FILE = writeKey('ec.pem', clientEcKey);
const publicJwk = ({ publicKey }, kid) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig' });

const { default: Provider, errors } = await import('oidc-provider');

const HOST = '127.0.0.1';
const DEFAULT_TTL = 3600; // seconds
const SHORT_TTL = 2; // seconds, for short-client
const API_SCOPES = 'pets:read pets:write';
const ADMIN_SCOPE = 'pets:admin';

const CLIENTS = [
  { client_id: 'basic-client', client_secret: 's3cret', token_endpoint_auth_method: 'client_secret_basic' },
  { client_id: 'post-client', client_secret: 'p0st-secret', token_endpoint_auth_method: 'client_secret_post' },
  { client_id: 'special:client+id', client_secret: 's=cr%t +:&?/', token_endpoint_auth_method: 'client_secret_basic' },
  { client_id: 'short-client', client_secret: 'short', token_endpoint_auth_method: 'client_secret_basic' },
  { client_id: 'tricky-client', client_secret: 'p+ss/w%rd:=&?# x', token_endpoint_auth_method: 'client_secret_basic' },
  // RFC 7523: assertions signed with the secret (HS256, which wants 32
  // bytes of secret at least) or with one of the two keys above.
  { client_id: 'jwt-secret-client', client_secret: 'jwt-s3cret-long-enough-for-hs256-signing', token_endpoint_auth_method: 'client_secret_jwt' },
  {
    client_id: 'jwt-key-client',
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: { keys: [publicJwk(clientRsaKey, 'rsa-1'), publicJwk(clientEcKey, 'ec-1')] },
  },
].map((c) => ({
  ...c,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: API_SCOPES,
}));
const CLIENT_BY_ID = new Map(CLIENTS.map((c) => [c.client_id, c]));

// Mutual TLS (RFC 8705 §2.1): no secret; the certificate's subject, issued
// by the test CA, is the client's credential, and its tokens are bound to
// the certificate (§3), so the API wants it too.
const MTLS_CLIENT = {
  client_id: 'mtls-client',
  token_endpoint_auth_method: 'tls_client_auth',
  tls_client_auth_subject_dn: CLIENT_SUBJECT,
  tls_client_certificate_bound_access_tokens: true,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: API_SCOPES,
};

const stats = {
  token_requests: 0, tokens_issued: 0, token_errors: 0, api_requests: 0,
};

function log(...args) {
  console.error('[oauth-server]', ...args);
}

// ---------------------------------------------------------------- listeners

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

// Both servers are bound first (port 0 = any free port) so that the issuer
// and the API's resource indicator / audience are known before the provider
// is configured; the request handlers are attached afterwards.
let providerHandler = (req, res) => { res.statusCode = 503; res.end(); };
let apiHandler = (req, res) => { res.statusCode = 503; res.end(); };
const asServer = http.createServer((req, res) => providerHandler(req, res));
const apiServer = http.createServer((req, res) => apiHandler(req, res));
const asPort = await listen(asServer);
const apiPort = await listen(apiServer);

// The same two over HTTPS, asking for a client certificate but taking
// requests without one or with an untrusted one: the provider and the
// API answer those themselves, in OAuth 2.0 terms.
const pki = makeTestPki();
const tlsOptions = {
  key: fs.readFileSync(pki.server.key),
  cert: fs.readFileSync(pki.server.cert),
  ca: fs.readFileSync(pki.ca),
  requestCert: true,
  rejectUnauthorized: false,
};
const mtlsAsServer = https.createServer(tlsOptions, (req, res) => providerHandler(req, res));
const mtlsApiServer = https.createServer(tlsOptions, (req, res) => apiHandler(req, res));
const mtlsAsPort = await listen(mtlsAsServer);
const mtlsApiPort = await listen(mtlsApiServer);

// The client certificate of a request, if it presented one.
function peerCertificate(req) {
  const cert = req.socket.getPeerCertificate?.();
  return cert && cert.raw ? new crypto.X509Certificate(cert.raw) : undefined;
}

const ISSUER = `http://${HOST}:${asPort}`;
const API_URL = `http://${HOST}:${apiPort}`;
const API_RESOURCE = `${API_URL}/`; // resource indicator and token audience

// ------------------------------------------------------------------ provider

const { privateKey } = await keyPairPromise;
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: crypto.randomUUID(),
  use: 'sig',
  alg: 'RS256',
};

function canonicalResource(identifier) {
  try {
    return new URL(identifier).href;
  } catch {
    return null;
  }
}

function ttlFor(client) {
  return client?.clientId === 'short-client' ? SHORT_TTL : DEFAULT_TTL;
}

const provider = new Provider(ISSUER, {
  clients: [...CLIENTS, MTLS_CLIENT],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  scopes: API_SCOPES.split(' '),
  clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt',
    'tls_client_auth'],
  enabledJWA: {
    clientAuthSigningAlgValues: ['HS256', 'RS256', 'PS256', 'ES256'],
  },
  features: {
    mTLS: {
      enabled: true,
      tlsClientAuth: true,
      certificateBoundAccessTokens: true,
      getCertificate: (ctx) => peerCertificate(ctx.req),
      certificateAuthorized: (ctx) => ctx.req.socket.authorized === true,
      certificateSubjectMatches: (ctx, property, expected) => property === 'tls_client_auth_subject_dn'
        && peerCertificate(ctx.req)?.subject === expected,
    },
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    introspection: { enabled: false },
    revocation: { enabled: false },
    userinfo: { enabled: false },
    resourceIndicators: {
      enabled: true,
      // No `resource` parameter on a client_credentials request -> the API.
      defaultResource: async (ctx, client, oneOf) => oneOf ?? API_RESOURCE,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resourceIndicator, client) => {
        if (canonicalResource(resourceIndicator) !== API_RESOURCE) {
          throw new errors.InvalidTarget(`unknown resource indicator (expected ${API_RESOURCE})`);
        }
        return {
          scope: API_SCOPES,
          audience: API_RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttlFor(client),
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  ttl: {
    ClientCredentials: (ctx, token, client) => ttlFor(client),
  },
  renderError: async (ctx, out) => {
    ctx.type = 'json';
    ctx.body = out;
  },
});

provider.on('grant.success', () => { stats.tokens_issued += 1; });
provider.on('grant.error', (ctx, err) => {
  stats.token_errors += 1;
  log('token error:', err.message, err.error_description ?? '', err.error_detail ?? '');
});
provider.on('server_error', (ctx, err) => log('server error:', err));

// oidc-provider accepts client_secret_basic and client_secret_post
// interchangeably for any client with a shared secret. For interoperability
// testing we want a client to authenticate ONLY with its registered method,
// so this middleware rejects the other one with the same 401 invalid_client
// response oidc-provider itself produces.
function readBody(req, limit = 56 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else {
        chunks.push(c);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function basicClientId(authorization) {
  const parts = authorization.split(' ');
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(parts[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i === -1) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, i).replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

provider.use(async (ctx, next) => {
  if (ctx.method !== 'POST' || ctx.path !== '/token') return next();

  stats.token_requests += 1;

  let clientId;
  let used;
  const { authorization } = ctx.headers;
  if (authorization !== undefined) {
    clientId = basicClientId(authorization);
    used = 'client_secret_basic';
  } else if (ctx.is('application/x-www-form-urlencoded')) {
    const raw = await readBody(ctx.req);
    ctx.req.body = raw; // oidc-provider parses req.body when the stream is consumed
    const params = new URLSearchParams(raw.toString('utf8'));
    if (params.has('client_secret')) {
      clientId = params.get('client_id') ?? undefined;
      used = 'client_secret_post';
    }
  }

  const registered = clientId !== undefined ? CLIENT_BY_ID.get(clientId) : undefined;
  if (registered && used && registered.token_endpoint_auth_method !== used) {
    stats.token_errors += 1;
    log(`token error: client ${JSON.stringify(clientId)} registered for ${registered.token_endpoint_auth_method} used ${used}`);
    const error = 'invalid_client';
    const description = 'client authentication failed';
    ctx.status = 401;
    ctx.set('Cache-Control', 'no-store');
    if (authorization !== undefined) {
      ctx.set('WWW-Authenticate', `Basic realm="${ISSUER}", error="${error}", error_description="${description}"`);
    }
    ctx.body = { error, error_description: description };
    return undefined;
  }

  return next();
});

providerHandler = provider.callback();

// ---------------------------------------------------------- protected API

const JWKS_URL = `${ISSUER}/jwks`;
let jwks = new Map(); // kid -> KeyObject
let jwksFetchedAt = 0;

async function refreshJwks() {
  const res = await fetch(JWKS_URL);
  if (!res.ok) throw new Error(`jwks fetch failed: HTTP ${res.status}`);
  const { keys } = await res.json();
  const next = new Map();
  for (const jwk of keys) {
    if (jwk.kid) next.set(jwk.kid, crypto.createPublicKey({ key: jwk, format: 'jwk' }));
  }
  jwks = next;
  jwksFetchedAt = Date.now();
}

async function keyFor(kid) {
  if (!jwks.has(kid) && Date.now() - jwksFetchedAt > 1000) await refreshJwks();
  return jwks.get(kid);
}

const ALGS = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', padding: crypto.constants.RSA_PKCS1_PSS_PADDING },
  ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
};

class TokenError extends Error {}

function b64json(part) {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('malformed token');
  }
}

// RFC 9068 JWT access token validation.
async function verifyAccessToken(token) {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
    throw new TokenError('malformed token');
  }
  const header = b64json(parts[0]);
  const payload = b64json(parts[1]);
  const alg = ALGS[header.alg];
  if (!alg) throw new TokenError('unsupported alg');
  if (header.typ && !/^(application\/)?at\+jwt$/i.test(header.typ)) {
    throw new TokenError('not an access token');
  }
  const key = await keyFor(header.kid);
  if (!key) throw new TokenError('unknown signing key');
  const ok = crypto.verify(
    alg.hash,
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key, padding: alg.padding, dsaEncoding: alg.dsaEncoding },
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) throw new TokenError('signature verification failed');
  if (payload.iss !== ISSUER) throw new TokenError('unexpected issuer');
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(API_RESOURCE)) throw new TokenError('unexpected audience');
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') throw new TokenError('missing exp');
  if (now >= payload.exp) throw new TokenError('token expired');
  if (typeof payload.nbf === 'number' && now < payload.nbf) throw new TokenError('token not yet valid');
  if (revoked.has(payload.jti)) throw new TokenError('token revoked');
  seen.add(payload.jti);
  return payload;
}

// POST /_revoke: every token the API has accepted so far is refused from
// now on, as after a key rotation or a revocation on the server's side.
const seen = new Set();
const revoked = new Set();

function sendJson(res, status, body, headers = {}) {
  const data = Buffer.from(`${JSON.stringify(body)}\n`);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(data);
}

const quote = (s) => s.replace(/["\\]/g, '\\$&');

function unauthorized(res, description) {
  const challenge = description === undefined
    ? 'Bearer realm="api"'
    : `Bearer realm="api", error="invalid_token", error_description="${quote(description)}"`;
  sendJson(res, 401, { error: description === undefined ? 'unauthorized' : 'invalid_token', error_description: description ?? 'bearer token required' }, { 'WWW-Authenticate': challenge });
}

const PETS = [
  { id: 1, name: 'Rex', kind: 'dog' },
  { id: 2, name: 'Tom', kind: 'cat' },
  { id: 3, name: 'Nemo', kind: 'fish' },
];

apiHandler = async (req, res) => {
  try {
    const url = new URL(req.url, API_URL);
    const path = url.pathname;

    if (path === '/_stats' && req.method === 'GET') {
      sendJson(res, 200, stats);
      return;
    }
    if (path === '/_revoke' && req.method === 'POST') {
      for (const jti of seen) revoked.add(jti);
      seen.clear();
      sendJson(res, 200, { revoked: revoked.size });
      return;
    }
    if (path === '/_reset' && req.method === 'POST') {
      for (const k of Object.keys(stats)) stats[k] = 0;
      sendJson(res, 200, stats);
      return;
    }

    stats.api_requests += 1;

    const petMatch = /^\/pets\/([^/]+)$/.exec(path);
    const route = (path === '/pets' && (req.method === 'GET' || req.method === 'POST'))
      || (petMatch && req.method === 'GET')
      || (path === '/admin' && req.method === 'GET');
    if (!route) {
      sendJson(res, 404, { error: 'not_found', method: req.method, path });
      return;
    }

    const m = /^Bearer +([^ ]+) *$/i.exec(req.headers.authorization ?? '');
    if (!m) {
      unauthorized(res);
      return;
    }
    let claims;
    try {
      claims = await verifyAccessToken(m[1]);
      // RFC 8705 §3: a certificate-bound token only with its certificate.
      const bound = claims.cnf?.['x5t#S256'];
      if (bound !== undefined) {
        const cert = peerCertificate(req);
        const presented = cert && crypto.createHash('sha256').update(cert.raw).digest('base64url');
        if (presented !== bound) throw new TokenError('certificate-bound token presented without its certificate');
      }
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      unauthorized(res, err.message);
      return;
    }

    const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
    const who = {
      client_id: claims.client_id, sub: claims.sub, scope: claims.scope ?? '', scopes, exp: claims.exp,
    };

    if (path === '/admin') {
      if (!scopes.includes(ADMIN_SCOPE)) {
        sendJson(res, 403, { error: 'insufficient_scope', error_description: `scope ${ADMIN_SCOPE} required`, ...who }, {
          'WWW-Authenticate': `Bearer realm="api", error="insufficient_scope", scope="${ADMIN_SCOPE}"`,
        });
        return;
      }
      sendJson(res, 200, { admin: true, ...who });
      return;
    }

    if (req.method === 'POST') {
      const body = await readBody(req, 1024 * 1024);
      let json;
      try { json = JSON.parse(body.toString('utf8')); } catch { json = undefined; }
      sendJson(res, 200, {
        created: true,
        pet: { id: PETS.length + 1, ...(json && typeof json === 'object' ? json : {}) },
        received: body.toString('utf8'),
        content_type: req.headers['content-type'] ?? null,
        ...who,
      });
      return;
    }

    if (petMatch) {
      const pet = PETS.find((p) => String(p.id) === petMatch[1]);
      if (!pet) {
        sendJson(res, 404, { error: 'not_found', id: petMatch[1], ...who });
        return;
      }
      sendJson(res, 200, { pet, ...who });
      return;
    }

    sendJson(res, 200, { pets: PETS, ...who });
  } catch (err) {
    log('api error:', err);
    if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
    else res.destroy();
  }
};

// ----------------------------------------------------------- ready / exit

await refreshJwks(); // also proves the provider answers

serveUntilStopped([asServer, apiServer, mtlsAsServer, mtlsApiServer], log, {
  issuer: ISSUER,
  token_url: `${ISSUER}/token`,
  api_url: API_URL,
  jwks_url: JWKS_URL,
  rsa_key_file: RSA_KEY_FILE,
  ec_key_file: EC_KEY_FILE,
  mtls_token_url: `https://${HOST}:${mtlsAsPort}/token`,
  mtls_api_url: `https://${HOST}:${mtlsApiPort}`,
  ca_file: pki.ca,
  client_cert: pki.client.cert,
  client_key: pki.client.key,
  stranger_cert: pki.stranger.cert,
  stranger_key: pki.stranger.key,
});
