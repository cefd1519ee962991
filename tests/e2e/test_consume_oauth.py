#!/usr/bin/python3
# test_consume_oauth.py: consume one method protected by OAuth 2.0, and test it
#
# Starts the suite's authorization server and protected API
# (tests/oauth-server: oidc-provider, JWT access tokens the API verifies
# for real) and an empty Restcall window. A person consumes one method by
# hand, as the reference document's example does, step by step: a right
# click on the REST tree, Consume REST API…, Add Single Method, the method
# URL on the API (no name: the dialog names the method after its URL),
# Headers and Authentication: OAuth 2.0 client credentials, Client ID and
# Client secret of the server's basic-client, Access token URL, Scopes,
# Send as a Basic Auth header; then the Test tab, Test, and Finish. The call
# must succeed, and the inspector's four panes must show the API request and
# response and the token request and response, with the client secret, the
# Basic credentials and the token masked until revealed.
#
# Finish adds a new API named after the host, which owns the authentication
# set: the tree shows the API and the method, the API's page shows OAuth 2.0
# client credentials with the values typed, the secret stored in the keyring
# and the URL's origin as its base URL; the method uses the API's
# authentication, its URL relative to the base URL. Testing it again from
# the main window uses the token already fetched (one token request in
# all); Alt+I takes the keyboard to the inspector, and the wheel over a pane
# at its end scrolls the page; the saved project holds the API so, with no
# secret.
#
# The canary sweep: the app runs with G_MESSAGES_DEBUG=all on a project file
# of its own, and once the project is saved and the app has quit, neither the client secret, nor the
# Basic credentials made of it, nor the token the server issued appears in
# its output, in the saved project, or in any file under HOME (settings,
# state, recent files) or the session's folder. Only Reveal shows them.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import json
import os
import re

import harness
from harness import Failure, key, wait_for

CLIENT_ID = 'basic-client'
SECRET = 's3cret'
SCOPES = 'pets:read'
OAUTH = 'OAuth 2.0: client credentials'
BASIC_HEADER = 'Send as a Basic Auth header'
BASIC = base64.b64encode(f'{CLIENT_ID}:{SECRET}'.encode()).decode()   # the credentials, sent
PANES = ('API request', 'API response', 'Authorization server request',
         'Authorization server response')
JWT = re.compile(r'eyJ[\w-]+\.[\w-]+\.[\w-]+')


class Context(harness.ServerProject):
    def __init__(self, session):
        # An empty project of its own, so that Ctrl+S saves it in place.
        super().__init__(session, harness.OAuthServer(), 'canary.restcall',
                         env_extra={'G_MESSAGES_DEBUG': 'all'})
        self.token = None


def panes(window):
    """A function that reads the inspector's four panes."""
    views = {name: window.find('text', name) for name in PANES}
    return lambda: {name: view.text for name, view in views.items()}


def press_test(window):
    """Shows the Test tab, presses Test, and waits for the response's status
    line ("200 OK · 35 ms · 151 bytes"; a panel shows one only once it has
    made a call)."""
    status = harness.press_test(window)
    if not status.startswith('200 OK'):
        raise Failure(f'The call ended with {status!r}; the panes say:\n{panes(window)()}')


def exposed(shown):
    """What the panes show that should be masked (the client secret, the
    Basic credentials made of it, a token), or None."""
    for name, text in shown.items():
        for secret in (SECRET, BASIC):
            if secret in text:
                return f'{name} shows the secret {secret!r}:\n{text}'
        if JWT.search(text):
            return f'{name} shows a token:\n{text}'
    return None


def wait_panes(window, expectations):
    """Waits for each pane to match its patterns, then checks that nothing
    secret shows."""
    read = panes(window)

    def unmatched():
        shown = read()
        return [(name, pattern, shown[name]) for name, patterns in expectations.items()
                for pattern in patterns if not re.search(pattern, shown[name])]
    wait_for(lambda: not unmatched(), lambda: f'the panes to show the exchange: {unmatched()}')
    problem = exposed(read())
    if problem:
        raise Failure(problem)


def open_dialog(context):
    context.dialog = harness.consume_from_sidebar(context.window, context.app)


def define_method(context):
    dialog = context.dialog
    # As the reference document's example: the Method URL, and no name,
    # which the dialog suggests from the URL.
    dialog.find('text', 'Method URL').type(context.server.api_url + '/pets/{petId}')
    dialog.find('text', 'Name').wait_text('GetPet')
    dialog.tab(harness.HEADERS_TAB)
    dialog.choose('Type', 'OAuth 2.0: client credentials')
    # Its empty fields are not marked wrong before the user has been at
    # them: no explanation under them (GNOME HIG).
    dialog.find('text', 'Access token URL')
    marked = [label for label in dialog.labels() if label.startswith(('No client ID', 'No access token'))]
    if marked:
        raise Failure(f'Marked wrong before any input: {marked}')
    # In the reference's order. The secret is applied as the focus leaves it.
    dialog.find('text', 'Client ID').type(CLIENT_ID)
    dialog.find('text', 'Client secret').type(SECRET)
    dialog.find('text', 'Access token URL').type(context.server.token_url)
    dialog.find('text', 'Scopes').type(SCOPES)
    dialog.choose('Client authentication', BASIC_HEADER)


def test_in_dialog(context):
    dialog = context.dialog
    dialog.tab('Test')
    dialog.find('text', 'petId').type('2')
    press_test(dialog)
    wait_panes(dialog, {
        'API request': [r'^GET ', r'/pets/2\b', r'(?m)^Authorization: Bearer \S*•'],
        'API response': [r'\b200\b', r'"pet"', CLIENT_ID],
        'Authorization server request': [r'^POST ', re.escape(context.server.token_url),
                                         r'grant_type=client_credentials',
                                         r'scope=pets(%3A|:)read', r'(?m)^Authorization: Basic •'],
        'Authorization server response': [r'\b200\b', r'"access_token": "\S*•', r'"token_type"'],
    })
    wait_for(lambda: '"pet"' in dialog.find('text', 'Response Body').text,
             'the response body to show the pet')


def reveal(context):
    """Reveal shows the token and the Basic credentials; a second click
    masks them again."""
    dialog = context.dialog
    toggle = dialog.button('Reveal secrets and tokens')
    toggle.click()

    read = panes(dialog)

    def revealed():
        shown = read()
        token = JWT.search(shown['Authorization server response'])
        return (token and token.group(0) in shown['API request'] and
                BASIC in shown['Authorization server request'])

    wait_for(revealed, lambda: f'the token and the credentials to show: {read()}')
    context.token = JWT.search(read()['Authorization server response']).group(0)
    toggle.click()
    wait_for(lambda: exposed(read()) is None,
             lambda: f'the panes to be masked again: {exposed(read())}')


def finish(context):
    context.dialog.button('Finish').click()
    context.dialog.wait_gone()
    sidebar = context.window.sidebar()
    sidebar.find('label', '127.0.0.1')
    sidebar.find('label', 'GetPet')


def api_page(context):
    """The new API's page: the authentication set in the dialog, its secret
    in the keyring, the URL's origin as its base URL."""
    window = context.window
    window.sidebar().find('label', '127.0.0.1').click()
    window.find('text', 'Base URL').wait_text(context.server.api_url)
    window.wait_combo('Type', OAUTH)
    window.find('text', 'Client ID').wait_text(CLIENT_ID)
    window.find('text', 'Access token URL').wait_text(context.server.token_url)
    window.find('text', 'Scopes').wait_text(SCOPES)
    window.wait_combo('Client authentication', BASIC_HEADER)
    window.find('label', 'Stored in the keyring')


def method_page(context):
    """The method uses its API's authentication, its URL under the base URL."""
    window = context.window
    window.sidebar().find('label', 'GetPet').click()
    window.find('text', 'Method URL').wait_text('/pets/{petId}')
    window.tab(harness.HEADERS_TAB)
    window.wait_combo('Type', 'Use API’s authentication')
    window.find('label', f'“127.0.0.1” uses {OAUTH}.')


def test_in_window(context):
    window = context.window
    press_test(window)
    wait_panes(window, {'API request': [r'^GET ', r'/pets/2\b', r'(?m)^Authorization: Bearer \S*•'],
                        'API response': [r'\b200\b', r'"pet"']})
    stats = context.server.stats()
    if stats['token_requests'] != 1 or stats['api_requests'] != 2:
        raise Failure(f'Two calls should have made one token request: {stats}')


def go_to_inspector(context):
    """Alt+I (Go to Inspector) takes the keyboard into the first pane and
    the panes into view; then the wheel over a pane that is at its top
    scrolls the page, not nothing (no scroll trap)."""
    window = context.window
    request = window.find('text', 'API request')
    key('alt+i')
    wait_for(lambda: 'focused' in request.states,
             'Alt+I to put the keyboard into the API request pane')
    wait_for(lambda: harness.is_showing(request.ref), 'the API request pane to show')

    response = window.find('text', 'API response')
    pane = response.ancestor('scroll pane')
    # The pane scrolls (its text is longer than it), and is at its top: a
    # scrolled window that can scroll took every notch over it before.
    wait_for(lambda: harness.scrolled_to_end(pane, 'up') and
             not harness.scrolled_to_end(pane, 'down'), what=
             lambda: 'the API response pane to have more than it shows, and show its top '
             f'(its scroll bar: {harness.scroll_bar_values(pane)})')
    before = response.extents
    box = pane.extents
    window.pointer(box[0] + box[2] // 2, box[1] + box[3] // 2, 'click', '4')
    wait_for(lambda: response.extents[1] > before[1],
             'the page to scroll up under a wheel notch over the API response pane at its top')
    if not harness.scrolled_to_end(pane, 'up'):
        raise Failure('The notch scrolled the pane, which was at its top, as well as the page')


def save_and_quit(context):
    harness.save_and_read(context.window, context.project)
    key('ctrl+q')
    context.app.wait_exit()


def saved_project(context):
    """The file holds the API with its authentication, and the method with
    none of its own: and no secret."""
    with open(context.project, encoding='utf-8') as f:
        text = f.read()
    apis = json.loads(text)['apis']
    if len(apis) != 1:
        raise Failure(f'The project should hold one API: {apis}')
    api = apis[0]
    auth = api.get('auth', {})
    expected = {'type': 'oauth2-client-credentials', 'client_id': CLIENT_ID,
                'token_url': context.server.token_url, 'scopes': SCOPES}
    wrong = {k: auth.get(k) for k, v in expected.items() if auth.get(k) != v}
    if (api['name'] != '127.0.0.1' or api['base_url'] != context.server.api_url or wrong or
            auth.get('client_auth', 'basic-header') != 'basic-header' or not auth.get('secret_id')):
        raise Failure(f'The API was saved as {api}; wrong: {wrong}')
    methods = api['methods']
    if [(m['name'], m['url'], 'auth' in m) for m in methods] != [('GetPet', '/pets/{petId}', False)]:
        raise Failure(f'The methods were saved as {methods}')
    if SECRET in text or BASIC in text:
        raise Failure(f'The project file holds the secret:\n{text}')


def files_under(folder):
    for top, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(top, name)
            if os.path.isfile(path) and not os.path.islink(path):
                yield path


def no_canary_anywhere(context):
    canaries = {'the client secret': SECRET, 'the Basic credentials': BASIC,
                'the token': context.token}
    if not context.token:
        raise Failure('No token was seen to look for')
    output = context.app.output().encode()
    if b'-DEBUG' not in output:
        raise Failure('restcall logged no debug message: the sweep would prove nothing')
    places = {'restcall\'s output (G_MESSAGES_DEBUG=all)': output}
    for folder in (os.environ['HOME'], context.session.folder):
        for path in files_under(folder):
            with open(path, 'rb') as f:
                places[path] = f.read()
    if context.project not in places or b'"apis"' not in places[context.project]:
        raise Failure(f'The project was not saved at {context.project}')
    found = [f'{what} in {place}' for place, data in places.items()
             for what, canary in canaries.items() if canary.encode() in data]
    if found:
        raise Failure('Found ' + '; '.join(found))
    harness.diag(f'No canary in {len(places)} places: ' + ', '.join(sorted(places)))


harness.run([
    ('Right click on the REST tree, Consume REST API…, Add Single Method: for a new API',
     open_dialog),
    ('Request and authentication: the URL (the name follows it), OAuth 2.0 with basic-client, '
     'in the reference\'s order', define_method),
    ('Test in the dialog: 200, the four panes, secrets and token masked', test_in_dialog),
    ('Reveal shows the token and the credentials, and masks them again', reveal),
    ('Finish adds the method to a new API named after the host', finish),
    ('The API\'s page: OAuth 2.0 client credentials as typed, the secret stored, the base URL',
     api_page),
    ('The method\'s page: the API\'s authentication, the URL relative to the base URL',
     method_page),
    ('Test in the main window: 200 with the token already fetched', test_in_window),
    ('Alt+I goes to the inspector; the wheel over a pane at its top scrolls the page',
     go_to_inspector),
    ('Ctrl+S, then Ctrl+Q: saved, quits with status 0', save_and_quit),
    ('The saved project: the API with its authentication, the method with none, no secret',
     saved_project),
    ('No secret, credentials or token in the debug output, the project or any file written',
     no_canary_anywhere),
], setup=Context)
