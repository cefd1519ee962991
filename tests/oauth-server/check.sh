#!/usr/bin/env bash
# Self-test of the OAuth test server (server.mjs) with real HTTP requests.
# Usage: bash tests/oauth-server/check.sh   (after `npm ci` in this folder)
# Prints one line per check and "N passed, N failed" at the end; exits
# non-zero if any check failed.
set -u

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE" || exit 2

if ! command -v curl >/dev/null 2>&1; then
  apt-get install -y curl >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y curl >/dev/null 2>&1; }
fi
command -v curl >/dev/null 2>&1 || { echo "check.sh: curl is required" >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "check.sh: node is required" >&2; exit 2; }
[ -d node_modules/oidc-provider ] || { echo "check.sh: run 'npm ci' in $HERE first" >&2; exit 2; }

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PASS=0
FAIL=0
ok()   { PASS=$((PASS + 1)); echo "ok   - $1"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && echo "       $2"; }
check() { # check DESCRIPTION CONDITION-COMMAND... ; DETAIL env var shown on failure
  local d="$1"; shift
  if "$@" >/dev/null; then ok "$d"; else bad "$d" "status=$STATUS body=$(head -c 400 "$TMP/body" 2>/dev/null)"; fi
}

# JSON helper: jget FILE-OR-STRING EXPR  (EXPR is JS over `j`)
jget() {
  node -e '
    const fs = require("fs");
    let s = process.argv[1];
    if (fs.existsSync(s)) s = fs.readFileSync(s, "utf8");
    let j; try { j = JSON.parse(s); } catch { process.exit(1); }
    const v = eval(process.argv[2]);
    if (v === undefined || v === null) process.exit(1);
    process.stdout.write(typeof v === "object" ? JSON.stringify(v) : String(v));
  ' "$1" "$2"
}
export -f jget

# application/x-www-form-urlencoded encoding (RFC 6749 appendix B)
formenc() {
  node -e 'process.stdout.write(encodeURIComponent(process.argv[1]).replace(/[!'"'"'()*]/g, c => "%" + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, "+"))' "$1"
}
b64() { printf '%s' "$1" | base64 -w0; }

# req METHOD URL [curl args...] -> sets STATUS, $TMP/body, $TMP/headers
req() {
  local method="$1" url="$2"; shift 2
  STATUS="$(curl -sS -X "$method" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' "$@" "$url" 2>"$TMP/curl.err")" || STATUS="curl-error:$(cat "$TMP/curl.err")"
}
header() { grep -i "^$1:" "$TMP/headers" | head -n1 | cut -d: -f2- | sed 's/^ *//; s/\r$//'; }
is_jwt() { [[ "$1" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]]; }
jwt_payload() { local p; p="$(printf '%s' "$1" | cut -d. -f2)"; node -e 'process.stdout.write(Buffer.from(process.argv[1], "base64url").toString())' "$p"; }

start_server() { # start_server ERRFILE -> SERVER_PID, SRV_IN/SRV_OUT fds, READY (first stdout line), STARTUP_MS
  local t0 t1
  rm -f "$TMP/in" "$TMP/out"
  mkfifo "$TMP/in" "$TMP/out"
  t0=$(date +%s%N)
  node "$HERE/server.mjs" <"$TMP/in" >"$TMP/out" 2>"$1" &
  SERVER_PID=$!
  exec {SRV_IN}>"$TMP/in" {SRV_OUT}<"$TMP/out"
  READY=""
  IFS= read -r -t 20 READY <&"$SRV_OUT" || true
  t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}

wait_exit() { # wait_exit PID SECONDS -> 0 if the process is gone in time
  local pid="$1" i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- start
start_server "$TMP/server.err"
echo "# server ready in ${STARTUP_MS} ms: $READY"
if ! ISSUER="$(jget "$READY" j.issuer)"; then
  bad "server prints its JSON ready line" "got: '$READY'; stderr: $(cat "$TMP/server.err")"
  echo "$PASS passed, $FAIL failed"
  exit 1
fi
ok "server prints its JSON ready line"
TOKEN_URL="$(jget "$READY" j.token_url)"
API_URL="$(jget "$READY" j.api_url)"
JWKS_URL="$(jget "$READY" j.jwks_url)"
check "ready line has exactly issuer, token_url, api_url, jwks_url" \
  jget "$READY" 'Object.keys(j).sort().join() === "api_url,issuer,jwks_url,token_url" || undefined'
check "issuer and API listen on 127.0.0.1" \
  bash -c '[[ "$1" == http://127.0.0.1:* && "$2" == http://127.0.0.1:* && "$3" == "$1/token" ]]' _ "$ISSUER" "$API_URL" "$TOKEN_URL"

req GET "$ISSUER/.well-known/openid-configuration"
check "discovery document issuer matches" bash -c '[ "$1" = 200 ] && [ "$(jget "$2" j.issuer)" = "$3" ]' _ "$STATUS" "$TMP/body" "$ISSUER"
req GET "$JWKS_URL"
check "jwks_url serves a key set" bash -c '[ "$1" = 200 ] && jget "$2" "j.keys.length > 0 || undefined" >/dev/null' _ "$STATUS" "$TMP/body"

req POST "$API_URL/_reset"
check "POST /_reset answers 200" test "$STATUS" = 200

# ---------------------------------------------------------------- tokens
# basic-client, client_secret_basic via curl -u
req POST "$TOKEN_URL" -u 'basic-client:s3cret' -d grant_type=client_credentials -d 'scope=pets:read pets:write'
check "basic-client token via Basic: 200" test "$STATUS" = 200
check "basic-client token: Cache-Control no-store" bash -c '[[ "$1" == *no-store* ]]' _ "$(header Cache-Control)"
check "basic-client token: token_type Bearer" test "$(jget "$TMP/body" j.token_type)" = Bearer
BASIC_AT="$(jget "$TMP/body" j.access_token)"
check "basic-client token: access_token is a JWT (3 parts)" is_jwt "$BASIC_AT"
check "basic-client token: expires_in is a number" jget "$TMP/body" '(typeof j.expires_in === "number" && j.expires_in > 0) || undefined'
check "basic-client token: scope granted" test "$(jget "$TMP/body" j.scope)" = 'pets:read pets:write'
PAYLOAD="$(jwt_payload "$BASIC_AT")"
check "JWT claims: iss, aud (API), client_id" \
  bash -c '[ "$(jget "$1" j.iss)" = "$2" ] && [ "$(jget "$1" j.aud)" = "$3/" ] && [ "$(jget "$1" j.client_id)" = basic-client ]' _ "$PAYLOAD" "$ISSUER" "$API_URL"

# explicit resource indicator
req POST "$TOKEN_URL" -u 'basic-client:s3cret' -d grant_type=client_credentials -d scope=pets:read --data-urlencode "resource=$API_URL/"
check "token with resource=<api>/ : 200 JWT" bash -c '[ "$1" = 200 ] && [[ "$(jget "$2" j.access_token)" == *.*.* ]]' _ "$STATUS" "$TMP/body"
req POST "$TOKEN_URL" -u 'basic-client:s3cret' -d grant_type=client_credentials --data-urlencode 'resource=http://example.invalid/'
check "token with unknown resource: 400 invalid_target" bash -c '[ "$1" = 400 ] && [ "$(jget "$2" j.error)" = invalid_target ]' _ "$STATUS" "$TMP/body"

req POST "$TOKEN_URL" -u 'basic-client:wrong' -d grant_type=client_credentials
check "basic-client wrong secret: 401 invalid_client" bash -c '[ "$1" = 401 ] && [ "$(jget "$2" j.error)" = invalid_client ]' _ "$STATUS" "$TMP/body"
check "wrong secret via Basic: WWW-Authenticate Basic challenge" bash -c '[[ "$1" == Basic* ]]' _ "$(header WWW-Authenticate)"
req POST "$TOKEN_URL" -d grant_type=client_credentials -d client_id=basic-client -d client_secret=s3cret
check "basic-client with body credentials: 401 invalid_client" bash -c '[ "$1" = 401 ] && [ "$(jget "$2" j.error)" = invalid_client ]' _ "$STATUS" "$TMP/body"

# post-client, client_secret_post
req POST "$TOKEN_URL" -d grant_type=client_credentials -d client_id=post-client -d client_secret=p0st-secret -d scope=pets:read
check "post-client token via body: 200 Bearer JWT" \
  bash -c '[ "$1" = 200 ] && [ "$(jget "$2" j.token_type)" = Bearer ] && [[ "$(jget "$2" j.access_token)" == *.*.* ]]' _ "$STATUS" "$TMP/body"
POST_AT="$(jget "$TMP/body" j.access_token)"
req POST "$TOKEN_URL" -u 'post-client:p0st-secret' -d grant_type=client_credentials
check "post-client via Basic: 401 invalid_client" bash -c '[ "$1" = 401 ] && [ "$(jget "$2" j.error)" = invalid_client ]' _ "$STATUS" "$TMP/body"

# special:client+id with secret "s=cr%t +:&?/" (RFC 6749 2.3.1 form-urlencoding;
# client_id/client_secret are VSCHAR = printable ASCII, RFC 6749 appendix A)
SP_ID='special:client+id'
SP_SECRET='s=cr%t +:&?/'
ENC="$(formenc "$SP_ID"):$(formenc "$SP_SECRET")"
echo "# encoded special credentials: $ENC"
req POST "$TOKEN_URL" -H "Authorization: Basic $(b64 "$ENC")" -d grant_type=client_credentials -d scope=pets:read
check "special client, form-urlencoded Basic credentials: 200" test "$STATUS" = 200
SPECIAL_AT="$(jget "$TMP/body" j.access_token)"
ENC20="$(printf '%s' "$ENC" | sed 's/+/%20/g')"
req POST "$TOKEN_URL" -H "Authorization: Basic $(b64 "$ENC20")" -d grant_type=client_credentials
check "special client, %20-encoded spaces also accepted: 200" test "$STATUS" = 200
req POST "$TOKEN_URL" -H "Authorization: Basic $(b64 "$SP_ID:$SP_SECRET")" -d grant_type=client_credentials
check "special client, raw (unencoded) Basic credentials: rejected (4xx)" bash -c '[[ "$1" == 4?? ]]' _ "$STATUS"
req POST "$TOKEN_URL" -H "Authorization: Basic $(b64 "$(formenc "$SP_ID"):$SP_SECRET")" -d grant_type=client_credentials
check "special client, encoded id but raw secret: rejected (4xx)" bash -c '[[ "$1" == 4?? ]]' _ "$STATUS"

# ---------------------------------------------------------------- API
# short-client, 2 s tokens
req POST "$TOKEN_URL" -u 'short-client:short' -d grant_type=client_credentials -d scope=pets:read
cp "$TMP/body" "$TMP/short.json"; SHORT_STATUS=$STATUS
SHORT_AT="$(jget "$TMP/short.json" j.access_token)"
req GET "$API_URL/pets" -H "Authorization: Bearer $SHORT_AT"   # use it at once: it lives 1-2 s
check "short-client token works while fresh: 200" test "$STATUS" = 200
STATUS=$SHORT_STATUS; cp "$TMP/short.json" "$TMP/body"
check "short-client token: 200" test "$STATUS" = 200
check "short-client token: expires_in <= 2" jget "$TMP/body" '(typeof j.expires_in === "number" && j.expires_in <= 2) || undefined'

req GET "$API_URL/pets" -H "Authorization: Bearer $BASIC_AT"
check "GET /pets with token: 200" test "$STATUS" = 200
check "GET /pets echoes client_id and scope" \
  bash -c '[ "$(jget "$1" j.client_id)" = basic-client ] && [ "$(jget "$1" j.scope)" = "pets:read pets:write" ] && jget "$1" "j.pets.length || undefined" >/dev/null' _ "$TMP/body"
req GET "$API_URL/pets/2" -H "Authorization: Bearer $POST_AT"
check "GET /pets/2 with post-client token: 200, client_id post-client" \
  bash -c '[ "$1" = 200 ] && [ "$(jget "$2" j.client_id)" = post-client ] && [ "$(jget "$2" j.pet.id)" = 2 ]' _ "$STATUS" "$TMP/body"
req POST "$API_URL/pets" -H "Authorization: Bearer $BASIC_AT" -H 'Content-Type: application/json' -d '{"name":"Kiki","kind":"bird"}'
check "POST /pets with token: 200 and body echoed" \
  bash -c '[ "$1" = 200 ] && [ "$(jget "$2" j.pet.name)" = Kiki ]' _ "$STATUS" "$TMP/body"
req GET "$API_URL/pets" -H "Authorization: Bearer $SPECIAL_AT"
check "GET /pets with special client token: client_id echoed" \
  bash -c '[ "$1" = 200 ] && [ "$(jget "$2" j.client_id)" = "special:client+id" ]' _ "$STATUS" "$TMP/body"

req GET "$API_URL/pets"
check "GET /pets without token: 401" test "$STATUS" = 401
check "  WWW-Authenticate: Bearer realm=\"api\" without error" \
  bash -c '[[ "$1" == Bearer*realm=\"api\"* && "$1" != *error=* ]]' _ "$(header WWW-Authenticate)"
req GET "$API_URL/pets" -H 'Authorization: Bearer garbage.token.here'
check "GET /pets with garbage token: 401" test "$STATUS" = 401
check "  WWW-Authenticate has error=\"invalid_token\"" \
  bash -c '[[ "$1" == Bearer* && "$1" == *error=\"invalid_token\"* && "$1" == *error_description=* ]]' _ "$(header WWW-Authenticate)"
# tamper with the payload (scope upgrade): signature must no longer verify
FORGED_PAYLOAD="$(node -e 'const p=JSON.parse(Buffer.from(process.argv[1],"base64url"));p.scope="pets:read pets:write pets:admin";process.stdout.write(Buffer.from(JSON.stringify(p)).toString("base64url"))' "$(printf '%s' "$BASIC_AT" | cut -d. -f2)")"
FORGED="$(printf '%s' "$BASIC_AT" | cut -d. -f1).$FORGED_PAYLOAD.$(printf '%s' "$BASIC_AT" | cut -d. -f3)"
req GET "$API_URL/admin" -H "Authorization: Bearer $FORGED"
check "forged token (payload changed): 401 invalid_token" \
  bash -c '[ "$1" = 401 ] && [[ "$2" == *error=\"invalid_token\"* ]]' _ "$STATUS" "$(header WWW-Authenticate)"
req GET "$API_URL/admin" -H "Authorization: Bearer $BASIC_AT"
check "GET /admin without pets:admin: 403" test "$STATUS" = 403
check "  WWW-Authenticate: error=\"insufficient_scope\", scope=\"pets:admin\"" \
  bash -c '[[ "$1" == Bearer* && "$1" == *error=\"insufficient_scope\"* && "$1" == *scope=\"pets:admin\"* ]]' _ "$(header WWW-Authenticate)"

sleep 3
req GET "$API_URL/pets" -H "Authorization: Bearer $SHORT_AT"
check "short-client token after 3 s: 401 invalid_token (expired)" \
  bash -c '[ "$1" = 401 ] && [[ "$2" == *error=\"invalid_token\"* && "$2" == *expired* ]]' _ "$STATUS" "$(header WWW-Authenticate)"

# ---------------------------------------------------------------- stats
req GET "$API_URL/_stats"
check "GET /_stats: 200" test "$STATUS" = 200
# so far: 12 token requests (basic-client 5, post-client 2, special 4, short 1)
# and 10 API requests (/_stats and /_reset are not counted)
check "/_stats counts token requests (12)" test "$(jget "$TMP/body" j.token_requests)" = 12
check "/_stats counts API requests (10)" test "$(jget "$TMP/body" j.api_requests)" = 10
req POST "$API_URL/_reset"
req POST "$TOKEN_URL" -u 'basic-client:s3cret' -d grant_type=client_credentials
req POST "$TOKEN_URL" -d grant_type=client_credentials -d client_id=post-client -d client_secret=p0st-secret
req GET "$API_URL/_stats"
check "/_reset zeroes, then 2 token requests counted" \
  bash -c '[ "$(jget "$1" j.token_requests)" = 2 ] && [ "$(jget "$1" j.tokens_issued)" = 2 ] && [ "$(jget "$1" j.api_requests)" = 0 ]' _ "$TMP/body"

# ---------------------------------------------------------------- lifecycle
exec {SRV_IN}>&-   # close the server's stdin, as when a test process dies
if wait_exit "$SERVER_PID" 5; then ok "server exits when its stdin closes"; else bad "server exits when its stdin closes"; fi
EXTRA="$(cat <&"$SRV_OUT")"
check "no other stdout output than the ready line" test -z "$EXTRA"
exec {SRV_OUT}<&-
wait "$SERVER_PID" 2>/dev/null
check "  exit status 0" test "$?" = 0

start_server "$TMP/server2.err"
if jget "$READY" j.issuer >/dev/null; then
  kill -TERM "$SERVER_PID"
  if wait_exit "$SERVER_PID" 5; then ok "second instance exits on SIGTERM"; else bad "second instance exits on SIGTERM"; fi
  wait "$SERVER_PID" 2>/dev/null
  check "  exit status 0 on SIGTERM" test "$?" = 0
  exec {SRV_IN}>&- {SRV_OUT}<&-
else
  bad "second instance starts" "$(cat "$TMP/server2.err")"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
