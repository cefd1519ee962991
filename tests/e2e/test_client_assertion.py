#!/usr/bin/python3
# test_client_assertion.py: sign the client's assertion with a private key, then with the secret
#
# Starts the suite's authorization server (tests/oauth-server's server.mjs:
# oidc-provider, whose jwt-key-client authenticates with private_key_jwt
# and jwt-secret-client with client_secret_jwt) and Restcall on a project
# with one API, “Pets”, whose authentication is OAuth 2.0 client
# credentials for jwt-key-client, sent as a Basic Auth header, and one
# method, ListPets. The test copies the server's RSA key beside the
# project, in keys/client.pem.
#
# A person chooses “Signed with a private key (private_key_jwt)” in the
# Client authentication list with the keyboard, types the key file's path
# relative to the project (keys/client.pem), the key ID and chooses PS256;
# Ctrl+S saves them, a path and never the key. Test on ListPets gets a 200
# with a token the key's assertion got. The key file's field is then
# emptied (the key goes in the keyring), Import Key From File… on the
# secret's row chosen, the key's path typed into the file chooser; the row
# says it is stored, and Test gets a 200 with the key from the keyring,
# which the project file never holds. Then the client becomes
# jwt-secret-client, “Signed with the client secret (client_secret_jwt)”
# is chosen, the secret typed into the secret's row (to the keyring, not
# the project), and Test gets a 200 again.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil

import harness
from harness import Failure, key

OAUTH = 'OAuth 2.0: client credentials'
CLIENT_AUTH = 'Client authentication'
KEY_JWT = 'Signed with a private key (private_key_jwt)'
SECRET_JWT = 'Signed with the client secret (client_secret_jwt)'
KEY_FILE = 'keys/client.pem'
SECRET = 'jwt-s3cret-long-enough-for-hs256-signing'


class Context(harness.ServerProject):
    def __init__(self, session):
        server = harness.OAuthServer()
        os.mkdir(session.path('keys'))
        shutil.copyfile(server.ready['rsa_key_file'], session.path(KEY_FILE))
        with open(session.path(KEY_FILE), encoding='ascii') as f:
            self.pem_line = f.read().splitlines()[1]
        auth = {'type': 'oauth2-client-credentials', 'client_id': 'jwt-key-client',
                'token_url': server.token_url, 'scopes': 'pets:read',
                'client_auth': 'basic-header'}
        super().__init__(session, server, 'signed.restcall', {
            'name': 'Pets', 'base_url': server.api_url, 'auth': auth,
            'methods': [{'name': 'ListPets', 'verb': 'GET', 'url': '/pets'}]})


def saved_auth(context):
    """Ctrl+S, then the API's authentication as the project file holds it."""
    text = harness.save_and_read(context.window, context.project)
    if SECRET in text or context.pem_line in text:
        raise Failure(f'The project file holds the secret or the key:\n{text}')
    return json.loads(text)['apis'][0]['auth']


def test_call(context, token_requests):
    window = context.window
    context.window.sidebar().find('label', 'ListPets').click()
    said = harness.press_test(window)
    if not said.startswith('200 OK'):
        raise Failure(f'The call ended with {said!r}')
    stats = context.server.stats()
    if stats['token_requests'] != token_requests:
        raise Failure(f'{token_requests} token requests should have been sent: {stats}')


def private_key(context):
    window = context.window
    context.window.sidebar().find('label', 'Pets').click()
    window.wait_combo('Type', OAUTH)
    window.choose(CLIENT_AUTH, KEY_JWT)
    window.find('text', 'Private key file (empty: in the keyring)').type(KEY_FILE)
    window.find('text', 'Key ID (optional)').type('rsa-1')
    window.choose('Signing algorithm', 'PS256')
    auth = saved_auth(context)
    expected = {'client_auth': 'private-key-jwt', 'private_key_file': KEY_FILE,
                'key_id': 'rsa-1', 'jwt_alg': 'PS256'}
    if any(auth.get(name) != value for name, value in expected.items()):
        raise Failure(f'The API\'s authentication was saved as {auth}, not with {expected}')


def import_key(context):
    window = context.window
    context.window.sidebar().find('label', 'Pets').click()
    key_file = window.find('text', 'Private key file (empty: in the keyring)')
    key_file.click()
    key('ctrl+a', 'BackSpace')
    key_file.wait_text('', 'the key file\'s field, emptied by Ctrl+A, BackSpace,')
    window.button('Import Key From File…').click()
    harness.choose_file(context.app.window('Import the Private Key'),
                        context.session.path(KEY_FILE))
    window.find('label', 'Stored in the keyring')
    auth = saved_auth(context)
    if auth.get('private_key_file') or not auth.get('secret_id'):
        raise Failure(f'The API\'s authentication was saved as {auth}, with a key file or '
                      'no secret reference')


def secret(context):
    window = context.window
    context.window.sidebar().find('label', 'Pets').click()
    window.find('text', 'Client ID').type('jwt-secret-client')
    window.choose(CLIENT_AUTH, SECRET_JWT)
    entry = window.find('text', 'Client secret')
    entry.type(SECRET)
    key('Return')
    entry.wait_text('', 'the client secret\'s entry, emptied once the secret is stored,')
    window.find('label', 'Stored in the keyring')
    auth = saved_auth(context)
    if auth.get('client_auth') != 'secret-jwt' or auth.get('client_id') != 'jwt-secret-client':
        raise Failure(f'The API\'s authentication was saved as {auth}')


def quit_app(context):
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('private_key_jwt chosen with the keyboard; key file, key ID typed, PS256 chosen; saved',
     private_key),
    ('Test signs with the key file beside the project: 200', lambda c: test_call(c, 1)),
    ('key file emptied; Import Key From File…, its path typed in the chooser; saved',
     import_key),
    ('Test signs with the key from the keyring: 200', lambda c: test_call(c, 2)),
    ('client_secret_jwt chosen with the keyboard, the secret typed into its row; saved',
     secret),
    ('Test signs with the secret: 200', lambda c: test_call(c, 3)),
    ('Ctrl+Q', quit_app),
], setup=Context)
