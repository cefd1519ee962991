// A second real OAuth 2.0 authorization server for Restcall's
// interoperability tests: @node-oauth/oauth2-server behind its Express
// adapter (@node-oauth/express-oauth-server), client credentials grant only,
// and a protected resource that accepts its tokens.
//
// Unlike oidc-provider (server.mjs), this library compares the client ID
// and secret of a Basic Auth header as they are, without the
// form-urlencoding RFC 6749 §2.3.1 asks for: a secret with special
// characters is accepted unencoded and refused RFC 6749-encoded.
//
// Protocol with the test (as server.mjs): it listens on 127.0.0.1 on a free
// port, prints one JSON line on stdout when ready
//   {"issuer":"http://127.0.0.1:P","token_url":"http://127.0.0.1:P/token","api_url":"http://127.0.0.1:P"}
// and exits on SIGTERM/SIGINT and when its stdin reaches EOF (unless
// OAUTH_SERVER_IGNORE_STDIN=1). Diagnostics go to stderr.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import http from 'node:http';
import { serveUntilStopped } from './lifecycle.mjs';

// Stdout carries the ready line only: whatever a library logs goes to
// stderr, set before the libraries load (hence the dynamic imports).
for (const m of ['log', 'info', 'debug']) {
  console[m] = (...args) => console.error(...args);
}

const { default: express } = await import('express');
const { default: ExpressOAuthServer } = await import('@node-oauth/express-oauth-server');

const HOST = '127.0.0.1';
const TOKEN_TTL = 3600; // seconds
const SCOPES = ['pets:read', 'pets:write'];

const CLIENTS = [
  { id: 'tricky-client', secret: 'p+ss/w%rd:=&?# x' },
  { id: 'plain-client', secret: 's3cret' },
].map((c) => ({ ...c, grants: ['client_credentials'], accessTokenLifetime: TOKEN_TTL }));

const tokens = new Map(); // access token -> the token as saved

const stats = { token_requests: 0, tokens_issued: 0, token_errors: 0, api_requests: 0 };

function log(...args) {
  console.error('[node-oauth-server]', ...args);
}

// https://node-oauthoauth2-server.readthedocs.io/en/master/model/spec.html
const model = {
  // The secret is compared as the library hands it over: from a Basic
  // header, base64-decoded only.
  async getClient(clientId, clientSecret) {
    const client = CLIENTS.find((c) => c.id === clientId && c.secret === clientSecret);
    if (!client) log(`unknown client or wrong secret for ${JSON.stringify(clientId)}`);
    return client ?? null;
  },
  async getUserFromClient(client) {
    return { id: client.id };
  },
  async validateScope(user, client, scope) {
    const asked = scope ?? [];
    return asked.filter((s) => SCOPES.includes(s));
  },
  async saveToken(token, client, user) {
    const saved = { ...token, client, user };
    tokens.set(token.accessToken, saved);
    stats.tokens_issued += 1;
    return saved;
  },
  async getAccessToken(accessToken) {
    return tokens.get(accessToken) ?? null;
  },
  async verifyScope(token, scope) {
    return scope.every((s) => (token.scope ?? []).includes(s));
  },
};

const oauth = new ExpressOAuthServer({
  model,
  requireClientAuthentication: { client_credentials: true },
});

const app = express();
app.disable('x-powered-by');

app.post('/token', (req, res, next) => {
  stats.token_requests += 1;
  res.on('finish', () => {
    if (res.statusCode !== 200) stats.token_errors += 1;
  });
  next();
}, express.urlencoded({ extended: false }), oauth.token());

app.get('/_stats', (req, res) => res.json(stats));
app.post('/_reset', (req, res) => {
  for (const k of Object.keys(stats)) stats[k] = 0;
  res.json(stats);
});

app.get('/pets', (req, res, next) => {
  stats.api_requests += 1;
  next();
}, oauth.authenticate(), (req, res) => {
  const { token } = res.locals.oauth;
  res.set('Cache-Control', 'no-store');
  res.json({
    pets: [{ id: 1, name: 'Rex', kind: 'dog' }],
    client_id: token.client.id,
    scope: (token.scope ?? []).join(' '),
  });
});

const server = http.createServer(app);
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, HOST, resolve);
});
const base = `http://${HOST}:${server.address().port}`;

serveUntilStopped([server], log, { issuer: base, token_url: `${base}/token`, api_url: base });
