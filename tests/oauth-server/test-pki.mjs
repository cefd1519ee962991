// A throw-away public key infrastructure for the mutual TLS tests, made
// with the openssl command line each time the server starts (no key is
// ever committed): a test CA, a server certificate for 127.0.0.1, the
// registered client's certificate and a stranger's, each with its key, as
// PEM files in a fresh private directory that is removed at exit.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The subject the mutual TLS client is registered with (RFC 8705 §2.1.2).
export const CLIENT_SUBJECT = 'CN=restcall-mtls-client';
// Issued by the same CA, but registered for no client.
export const STRANGER_SUBJECT = 'CN=restcall-stranger';

function openssl(dir, ...args) {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

// A P-256 key and a certificate for @subject signed by the CA, with the
// extensions in @extensions (an openssl extfile).
function issue(dir, name, subject, extensions) {
  fs.writeFileSync(path.join(dir, `${name}.ext`), extensions);
  openssl(dir, 'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/${subject}`);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key',
    '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  return { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
}

export function makeTestPki() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restcall-pki-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

  openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
    '-subj', '/CN=Restcall Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign');

  const server = issue(dir, 'server', 'CN=127.0.0.1',
    'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  const client = issue(dir, 'client', CLIENT_SUBJECT, 'extendedKeyUsage=clientAuth\n');
  const stranger = issue(dir, 'stranger', STRANGER_SUBJECT, 'extendedKeyUsage=clientAuth\n');

  return {
    dir,
    ca: path.join(dir, 'ca.pem'),
    server,
    client,
    stranger,
  };
}
