#!/usr/bin/python3
# test_consume_existing_api.py: consume single methods into an API the project has
#
# Starts the suite's authorization server and protected API
# (tests/oauth-server) and Restcall on a project with two APIs: “Pet Store”,
# whose base URL is the protected API's and whose authentication is OAuth
# 2.0 client credentials with the server's basic-client (its client secret
# not typed yet), and “Other”, elsewhere.
#
# A person consumes a method from Pet Store's context menu, with the
# method's full URL: Headers and Authentication names Pet Store's
# authentication as the method's to use; Test with no petId says that the
# path needs it; with one, Test says that no client secret
# is stored for Pet Store, and that it is typed on the API's page; Finish
# puts the method in Pet Store, its URL relative to the base URL. The
# method's Headers & Auth shows the header Pet Store sends, which goes to
# Pet Store's headers, and links to Pet Store's page, where the secret is
# typed; then Test on the method succeeds. Then from
# the header bar, Other selected, a URL under Pet Store's base URL proposes
# Pet Store, whose authentication the Test uses at once; its query
# parameter, left empty, is left out, as the API request pane says. The saved project
# holds both methods in Pet Store, relative, with no authentication of their
# own, Pet Store's as it was, and no secret.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import harness
from harness import Failure, key, wait_for

CLIENT_ID = 'basic-client'
SECRET = 's3cret'
OAUTH = 'OAuth 2.0: client credentials'
USES = f'“Pet Store” uses {OAUTH}.'


class Context(harness.ServerProject):
    def __init__(self, session):
        server = harness.OAuthServer()
        self.auth = {'type': 'oauth2-client-credentials', 'client_id': CLIENT_ID,
                     'token_url': server.token_url, 'scopes': 'pets:read',
                     'secret_id': '5f0e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b'}
        super().__init__(session, server, 'existing.restcall',
                         {'name': 'Pet Store', 'base_url': server.api_url, 'auth': self.auth,
                          'headers': [{'name': 'Accept', 'value': 'application/json'}]},
                         {'name': 'Other', 'base_url': 'https://other.example.com',
                          'auth': {'type': 'none'}})
        self.dialog = None


def press_test(window):
    """Presses Test on the Test tab, and waits for what the call ended
    with: a status line, or a sentence."""
    return harness.press_test(window, lambda label: label.startswith('No '))


def from_context_menu(context):
    window = context.window
    window.context_menu(context.window.sidebar().find('label', 'Pet Store'), 'Consume REST API…')
    context.dialog = harness.add_single_method(context.app)
    context.dialog.wait_combo('Add to API', 'Pet Store')


def define_method(context):
    dialog = context.dialog
    dialog.find('text', 'Method URL').type(context.server.api_url + '/pets/{petId}')
    dialog.find('text', 'Name').wait_text('GetPet')
    dialog.wait_combo('Add to API', 'Pet Store')
    dialog.tab(harness.HEADERS_TAB)
    dialog.wait_combo('Type', 'Use API’s authentication')
    dialog.find('label', USES)


def test_without_secret(context):
    dialog = context.dialog
    dialog.tab('Test')
    # A path needs its value: Test says which, and nothing is sent.
    said = harness.press_test(dialog, lambda label: label.startswith('The path parameter'))
    if not said.startswith('The path parameter “petId” has no test value'):
        raise Failure(f'Test with no petId said {said!r}')
    dialog.find('text', 'petId').type('2')
    said = press_test(dialog)
    if not said.startswith('No client secret is stored for the API “Pet Store”') or \
            'on the API’s page' not in said:
        raise Failure(f'Test said {said!r}, not where to type Pet Store\'s client secret')
    if context.server.stats()['token_requests'] != 0:
        raise Failure('A token was asked for without a secret')


def finish_first(context):
    context.dialog.button('Finish').click()
    context.dialog.wait_gone()
    window = context.window
    context.window.sidebar().find('label', 'GetPet').click()
    window.tab('Request')
    window.find('text', 'Method URL').wait_text('/pets/{petId}')


def api_header_on_api_page(context):
    window = context.window
    # GetPet's Headers & Auth shows the header Pet Store sends, read only;
    # a click on it goes to Pet Store's headers.
    window.tab(harness.HEADERS_TAB)
    window.find('label', 'Also sent, as every method of “Pet Store” sends them:')
    window.find('list item', 'Accept').click()
    window.find('text', 'Name').wait_text('Pet Store')
    header = window.find('text', 'Header name')
    wait_for(lambda: header.text == 'Accept' and 'focused' in header.states,
             lambda: f'the keyboard in Pet Store\'s Accept header (it reads {header.text!r}, '
                     f'{sorted(header.states)})')
    context.window.sidebar().find('label', 'GetPet').click()


def secret_on_api_page(context):
    window = context.window
    # GetPet's Headers & Auth links to the API's authentication.
    window.tab(harness.HEADERS_TAB)
    window.find('list item', 'The API’s authentication').click()
    window.wait_combo('Type', OAUTH)
    window.find('text', 'Name').wait_text('Pet Store')
    entry = window.find('text', 'Client secret')
    entry.type(SECRET)
    key('Return')
    entry.wait_text('', 'the client secret\'s entry, emptied once the secret is stored,')
    window.find('label', 'Stored in the keyring')
    context.window.sidebar().find('label', 'GetPet').click()
    said = press_test(window)
    if not said.startswith('200 OK'):
        raise Failure(f'The call ended with {said!r}')


def from_the_top(context):
    window = context.window
    context.window.sidebar().find('label', 'Other').click()
    window.menu_item('Add', 'Consume REST API…')     # the header bar's
    context.dialog = harness.add_single_method(context.app)
    dialog = context.dialog
    dialog.wait_combo('Add to API', 'Other')
    dialog.find('text', 'Method URL').type(context.server.api_url + '/pets?limit={limit}')
    dialog.wait_combo('Add to API', 'Pet Store')
    dialog.find('text', 'Name').wait_text('ListPets')
    dialog.tab(harness.HEADERS_TAB)
    dialog.wait_combo('Type', 'Use API’s authentication')
    dialog.find('label', USES)
    # An empty query value: the parameter is left out, and the API request
    # pane says so.
    said = press_test(dialog)
    if not said.startswith('200 OK'):
        raise Failure(f'The call ended with {said!r}')
    request = dialog.find('text', 'API request')
    harness.wait_for(lambda: request.text.startswith(
        'Note: The query parameter “limit” has no test value, so it is left out.'),
        lambda: f'the API request pane to say that limit is left out: {request.text[:300]!r}')
    if 'limit' in request.text.split('\n\n', 1)[1].split('\n', 1)[0]:
        raise Failure(f'limit was sent: {request.text[:300]!r}')


def finish_second(context):
    context.dialog.button('Finish').click()
    context.dialog.wait_gone()
    context.window.sidebar().find('label', 'ListPets').click()
    context.window.tab('Request')
    context.window.find('text', 'Method URL').wait_text('/pets?limit={limit}')


def from_the_tree(context):
    """The sidebar's context menu opened below the rows, on the tree itself,
    consumes from the top too: the URL chooses the API, not the API that
    happens to be selected."""
    window = context.window
    context.window.sidebar().find('label', 'Other').click()
    window.context_menu(window.sidebar(), 'Consume REST API…')
    context.dialog = harness.add_single_method(context.app)
    dialog = context.dialog
    dialog.wait_combo('Add to API', 'Other')
    dialog.find('text', 'Method URL').type(context.server.api_url + '/pets/{petId}/photos')
    dialog.wait_combo('Add to API', 'Pet Store')
    dialog.button('Cancel').click()
    context.app.dialog('Discard This Method?').button('Discard').click()
    dialog.wait_gone()


def saved(context):
    text = harness.save_and_read(context.window, context.project)
    apis = {api['name']: api for api in json.loads(text)['apis']}
    store, other = apis['Pet Store'], apis['Other']
    methods = [(m['name'], m['url'], 'auth' in m) for m in store['methods']]
    if methods != [('GetPet', '/pets/{petId}', False), ('ListPets', '/pets?limit={limit}', False)]:
        raise Failure(f'Pet Store\'s methods were saved as {store["methods"]}')
    if store['auth'] != context.auth or store['base_url'] != context.server.api_url:
        raise Failure(f'Pet Store was saved as {store}')
    if other['methods']:
        raise Failure(f'Other has methods: {other["methods"]}')
    if SECRET in text:
        raise Failure(f'The project file holds the secret:\n{text}')
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('Pet Store\'s context menu, Consume REST API…, Add Single Method: for Pet Store',
     from_context_menu),
    ('The Method URL under Pet Store\'s base URL; the authentication named as Pet Store\'s',
     define_method),
    ('Test with no secret stored: where to type it, the API\'s page', test_without_secret),
    ('Finish: the method in Pet Store, its URL relative to the base URL', finish_first),
    ('The method shows Pet Store\'s header; a click goes to it on Pet Store\'s page',
     api_header_on_api_page),
    ('The secret typed on Pet Store\'s page: Test on the method, 200', secret_on_api_page),
    ('From the header bar, Other selected: a URL under Pet Store\'s base URL proposes it; '
     'Test, 200', from_the_top),
    ('Finish: the second method in Pet Store, relative', finish_second),
    ('The tree\'s own context menu, Other selected: the URL proposes Pet Store; Cancel, '
     'Discard', from_the_tree),
    ('Ctrl+S: both methods in Pet Store, relative, with no authentication of their own, '
     'no secret; Ctrl+Q', saved),
], setup=Context)
