#!/usr/bin/python3
# test_basic_form.py: choose the Basic Auth form, and let the automatic one find its way
#
# Starts the suite's second authorization server (tests/oauth-server's
# node-oauth-server.mjs: @node-oauth/oauth2-server, which compares the
# client ID and secret of a Basic Auth header unencoded, and refuses them
# RFC 6749-encoded) and Restcall on a project with one API, “Pets”, whose
# authentication is OAuth 2.0 client credentials with the server's
# tricky-client, sent as a Basic Auth header, and one method, ListPets.
#
# A person types the client secret (`p+ss/w%rd:=&?# x`, which the RFC 6749
# encoding changes) on the API's page, opens Advanced and chooses each
# Basic Auth form with the keyboard: RFC 6749 encoding, Unencoded, then
# Automatic again. Each choice shows what it does under the row, and Ctrl+S
# saves it in the project file (`basic_form`: "rfc", "raw", none for
# Automatic). Then Test on ListPets succeeds: the server refused the RFC
# form, the automatic form sent the credentials once more unencoded (two
# token requests in all), and the API's page says “This server compares
# the credentials unencoded”, which the saved project remembers
# (`remembered_basic_form`: "raw"), with no secret in it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import harness
from harness import Failure, key

CLIENT_ID = 'tricky-client'
SECRET = 'p+ss/w%rd:=&?# x'
OAUTH = 'OAuth 2.0: client credentials'
FORM = 'Basic Auth form'
# Each choice, what the row says it does, and what the project file saves.
FORMS = {
    'RFC 6749 encoding': ('The client ID and secret are form-encoded first, as RFC 6749 requires.',
                          'rfc'),
    'Unencoded': ('The client ID and secret go as typed, for servers that do not decode them.',
                  'raw'),
    'Automatic': ('RFC 6749 encoding first; unencoded once more if the server refuses the client.',
                  None),
}
FOUND = 'This server compares the credentials unencoded'


def setup(session):
    server = harness.OAuthServer('node-oauth-server.mjs', '@node-oauth/express-oauth-server')
    auth = {'type': 'oauth2-client-credentials', 'client_id': CLIENT_ID,
            'token_url': server.token_url, 'scopes': 'pets:read',
            'client_auth': 'basic-header', 'secret_id': '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b'}
    return harness.ServerProject(session, server, 'forms.restcall', {
        'name': 'Pets', 'base_url': server.api_url, 'auth': auth,
        'methods': [{'name': 'ListPets', 'verb': 'GET', 'url': '/pets'}]})


def saved_auth(context):
    """Ctrl+S, then the API's authentication as the project file holds it."""
    text = harness.save_and_read(context.window, context.project)
    if SECRET in text:
        raise Failure(f'The project file holds the secret:\n{text}')
    return json.loads(text)['apis'][0]['auth']


def secret_and_advanced(context):
    window = context.window
    context.window.sidebar().find('label', 'Pets').click()
    window.wait_combo('Type', OAUTH)
    window.wait_combo('Client authentication', 'Send as a Basic Auth header')
    entry = window.find('text', 'Client secret')
    entry.type(SECRET)
    key('Return')
    entry.wait_text('', 'the client secret\'s entry, emptied once the secret is stored,')
    window.find('label', 'Stored in the keyring')
    # Advanced is folded: its rows show once it is opened.
    if window.find_all('combo box', FORM):
        raise Failure('The Basic Auth form shows with Advanced folded')
    window.find('label', 'Advanced').click()
    window.wait_combo(FORM, 'Automatic')
    window.find('label', FORMS['Automatic'][0])


def choose_form(context, option):
    window = context.window
    window.choose(FORM, option)
    said, saved = FORMS[option]
    window.find('label', said)
    auth = saved_auth(context)
    if auth.get('basic_form') != saved:
        raise Failure(f'{option!r} was saved as basic_form={auth.get("basic_form")!r}, '
                      f'not {saved!r}: {auth}')


def automatic_finds_its_way(context):
    window = context.window
    context.window.sidebar().find('label', 'ListPets').click()
    said = harness.press_test(window)
    if not said.startswith('200 OK'):
        raise Failure(f'The call ended with {said!r}')
    stats = context.server.stats()
    if stats['token_requests'] != 2 or stats['tokens_issued'] != 1:
        raise Failure(f'The RFC form, refused, then the unencoded one should have been sent: '
                      f'{stats}')


def remembered(context):
    window = context.window
    context.window.sidebar().find('label', 'Pets').click()
    window.wait_combo(FORM, 'Automatic')
    window.find('label', FOUND)
    auth = saved_auth(context)
    if auth.get('remembered_basic_form') != 'raw' or 'basic_form' in auth:
        raise Failure(f'The API\'s authentication was saved as {auth}')
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('The client secret typed on the API\'s page; Advanced opened: Automatic',
     secret_and_advanced),
    ('RFC 6749 encoding, chosen with the keyboard: said under the row, saved as "rfc"',
     lambda context: choose_form(context, 'RFC 6749 encoding')),
    ('Unencoded, chosen with the keyboard: said under the row, saved as "raw"',
     lambda context: choose_form(context, 'Unencoded')),
    ('Automatic, chosen with the keyboard: said under the row, saved as the default',
     lambda context: choose_form(context, 'Automatic')),
    ('Test against a server that compares unencoded: refused, sent once more unencoded, 200',
     automatic_finds_its_way),
    ('The API\'s page says what the server compares; the project remembers it; Ctrl+Q',
     remembered),
], setup=setup)
