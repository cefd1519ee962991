#!/usr/bin/python3
# test_consume_mtls.py: a method whose client authenticates with a certificate
#
# Starts the suite's authorization server (tests/oauth-server), which also
# serves its token endpoint and the protected API over HTTPS with a test
# CA made at start, and an empty Restcall window. A person consumes one
# method by hand: Consume REST API…, Add Single Method, the method URL on
# the HTTPS API, then Headers and Authentication: OAuth 2.0 client
# credentials, the Client ID, the HTTPS Access token URL, the Scopes,
# "Client certificate (mutual TLS)" chosen in the Client authentication
# list with the keyboard, and the certificate and private key paths typed
# a key at a time. The secret row, which would hold the key, goes when a
# key file is named.
#
# Test: the app trusts the system's CAs only, not the test CA, so the
# token request cannot reach the server; the Authorization server request
# pane must say which certificate the request presented (its subject and
# file), never the key, and the error must say to trust the private CA.
# Finish and Ctrl+S: the saved project names the two files, and holds no
# key.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re

import harness
from harness import Failure, key, wait_for

CLIENT_ID = 'mtls-client'
SCOPES = 'pets:read'
MTLS = 'Client certificate (mutual TLS)'
SUBJECT = 'CN=restcall-mtls-client'


class Context(harness.ServerProject):
    def __init__(self, session):
        super().__init__(session, harness.OAuthServer(), 'mtls.restcall')
        with open(self.server.client_key, encoding='utf-8') as f:
            self.key_pem = f.read()


def open_dialog(context):
    context.dialog = harness.consume_from_sidebar(context.window, context.app)


def define_method(context):
    dialog = context.dialog
    dialog.find('text', 'Method URL').type(context.server.mtls_api_url + '/pets')
    dialog.find('text', 'Name').wait_text('ListPets')
    dialog.tab(harness.HEADERS_TAB)
    dialog.choose('Type', 'OAuth 2.0: client credentials')
    dialog.find('text', 'Client ID').type(CLIENT_ID)
    dialog.find('text', 'Access token URL').type(context.server.mtls_token_url)
    dialog.find('text', 'Scopes').type(SCOPES)
    # No certificate rows before the method is chosen.
    if dialog.find_all('text', re.compile(r'^Client certificate file')):
        raise Failure('The certificate row shows before mutual TLS is chosen')
    dialog.choose('Client authentication', MTLS)
    # Until a key file is named, the secret row holds the key.
    dialog.find('text', re.compile(r'^Private key \(PEM, stored in the keyring\)'))
    dialog.find('text', re.compile(r'^Client certificate file')).type(context.server.client_cert)
    dialog.find('text', re.compile(r'^Private key file')).type(context.server.client_key)
    wait_for(lambda: not dialog.find_all('text', re.compile(r'^Private key \(PEM')),
             'the secret row to go once a key file is named')


def test_in_dialog(context):
    """The server's certificate is of the test CA, which the app does not
    trust: the call stops at the token request, which says what it
    presented, and the error points to trusting the CA."""
    dialog = context.dialog
    dialog.tab('Test')
    dialog.button('Test').click()
    pane = dialog.find('text', 'Authorization server request')

    def shown():
        text = pane.text
        return SUBJECT in text and context.server.client_cert in text
    wait_for(shown, lambda: f'the token request to show the certificate: {pane.text!r}')
    text = pane.text
    if 'Client certificate presented for mutual TLS' not in text:
        raise Failure(f'The token request does not say a certificate was presented:\n{text}')
    if 'PRIVATE KEY' in text or context.key_pem.strip().splitlines()[1] in text:
        raise Failure(f'The token request shows the private key:\n{text}')
    wait_for(lambda: any('private certificate authority' in label for label in dialog.labels()),
             lambda: f'the error to point to the private CA; the dialog shows {dialog.labels()}')


def finish_and_save(context):
    context.dialog.button('Finish').click()
    context.dialog.wait_gone()
    harness.save_and_read(context.window, context.project)
    key('ctrl+q')
    context.app.wait_exit()


def saved_project(context):
    with open(context.project, encoding='utf-8') as f:
        text = f.read()
    auth = json.loads(text)['apis'][0]['auth']
    expected = {'type': 'oauth2-client-credentials', 'client_id': CLIENT_ID,
                'token_url': context.server.mtls_token_url, 'scopes': SCOPES,
                'client_auth': 'tls-client-auth', 'client_cert_file': context.server.client_cert,
                'private_key_file': context.server.client_key}
    wrong = {k: auth.get(k) for k, v in expected.items() if auth.get(k) != v}
    if wrong:
        raise Failure(f'The authentication was saved as {auth}; wrong: {wrong}')
    if 'PRIVATE KEY' in text:
        raise Failure(f'The project file holds a key:\n{text}')


harness.run([
    ('Right click on the REST tree, Consume REST API…, Add Single Method: for a new API',
     open_dialog),
    ('Request and authentication: OAuth 2.0, mutual TLS chosen with the keyboard, the '
     'certificate and key paths typed', define_method),
    ('Test: the token request says which certificate it presented, never the key; the '
     'error points to the private CA', test_in_dialog),
    ('Finish, Ctrl+S, Ctrl+Q', finish_and_save),
    ('The saved project names the certificate and key files, and holds no key', saved_project),
], setup=Context)
