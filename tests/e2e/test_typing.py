#!/usr/bin/python3
# test_typing.py: every entry of the method editor takes what a person types
#
# Opens tests/data/sample.restcall (a copy) from the command line, as a
# person would, and types a key at a time into every entry of the four tabs
# (Request, Headers and Authentication, Body, Test), once in the main window
# and once in the Consume REST API dialog (Ctrl+Shift+A, Add Single Method).
# After every key, the entry must read what was typed so far (through
# AT-SPI): a key that garbles the text or kills the app fails there. The
# test values are typed in both of their views, the Request tab's and the
# Test tab's, each following the other (typing the second character there
# once freed the value being shown, garbling it in the window and crashing
# the dialog). Then Ctrl+S must save exactly what was typed, secrets aside:
# those must be in the keyring, never in the file.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess

import harness
from harness import Failure, key, wait_for

# What is typed in the main window, into the sample's getPet method...
MAIN = {
    'name': 'getPetById',
    'url': '/pets/{petId}?fields={fields}',
    'description': 'Fetch one pet: id & fields, "quoted"\nby its id',
    'values': {'petId': '7', 'fields': 'name'},
    'headers': [('X-Trace-Id', 'abc-123 / x=y'), ('Authorization', 'Bearer by-hand')],
    'user': 'pet-user',
    'password': 'pa55:w0rd',
    'client_id': 'e2e-client',
    'secret': 'main-s3cret!',
    'token_url': 'https://auth.example.com/token?realm=e2e',
    'scopes': 'pets:read pets:write',
    'token_params': [('audience', 'https://api.example.com')],
    'content_type': 'application/vnd.pet+json',
    'body': '{\n"name": "Rex",\n"tags": ["a b", "c"]\n}',
    'test_values': {'petId': '42', 'fields': 'name,tag'},
}

# ... and in the dialog, for a new method of the Petstore API.
DIALOG = {
    'name': 'tagPet',
    'url': '/pets/{petId}/tags?tag={tag}',
    'description': 'Tag a pet\nwith a word',
    'values': {'petId': '9', 'tag': 'good'},
    'headers': [('X-Dialog', 'yes; q=1')],
    'user': 'dialog-user',
    'password': 'dialog-pa55',
    'client_id': 'dialog-client',
    'secret': 'dialog-s3cret',
    'token_url': 'https://auth.example.com/oauth/token',
    'scopes': 'pets:write',
    'token_params': [('resource', 'https://petstore.example.com/')],
    'content_type': 'text/x-pet',
    'body': 'tag=good\nwhy=e2e',
    'test_values': {'petId': '10', 'tag': 'better'},
}

OAUTH = 'OAuth 2.0: client credentials'


class Context:
    def __init__(self, session):
        self.session = session
        self.project = session.path('sample.restcall')
        shutil.copy(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'sample.restcall'),
                    self.project)
        self.app = session.start_app(self.project)
        self.window = self.app.window(re.compile(r'sample\.restcall – Restcall$'))

    def saved(self):
        with open(self.project, encoding='utf-8') as file:
            return json.load(file)


def type_into(window, name, text, within=None, index=0):
    entry = window.find('text', name, within=within, index=index)
    entry.type(text)
    return entry


# The four tabs, filled the same way in the window and in the dialog.

def fill_request(window, data):
    window.tab('Request')
    type_into(window, 'Name', data['name'])
    type_into(window, 'Method URL', data['url'])
    type_into(window, 'Description', data['description'])
    # One row per {parameter}, made as the URL was typed.
    for name, value in data['values'].items():
        type_into(window, harness.test_value(name), value)


def fill_headers(window, data, secret_on_enter):
    window.tab(harness.HEADERS_TAB)
    headers = window.find('list', 'Headers')
    for index, (name, value) in enumerate(data['headers']):
        window.button('Add Header').click()
        wait_for(lambda: len(headers.find_all('text', 'Header name')) > index,
                 'a new header row')
        entry = type_into(window, 'Header name', name, within=headers, index=index)
        type_into(window, 'Value', value, within=entry.row())

    window.choose('Type', 'Basic')
    type_into(window, 'User name', data['user'])
    type_secret(window, 'Password', data['password'], secret_on_enter)

    # In the reference document's order.
    window.choose('Type', OAUTH)
    type_into(window, 'Client ID', data['client_id'])
    type_secret(window, 'Client secret', data['secret'], secret_on_enter)
    type_into(window, 'Access token URL', data['token_url'])
    type_into(window, 'Scopes', data['scopes'])
    window.choose('Client authentication', 'Send client credentials in body')

    expander = window.find('list item', 'Extra token parameters')
    expander.click()
    add = window.find('push button', 'Add a token request parameter')
    for index, (name, value) in enumerate(data['token_params']):
        add.click()
        # A name Restcall sets itself is refused as it is typed, and the
        # refusal goes once the name is typed over.
        entry = type_into(window, 'Parameter name', 'grant_type', index=index)
        wait_for(lambda: refusal(window), 'the row to say grant_type cannot be an extra parameter')
        entry.type(name)
        wait_for(lambda: not refusal(window), 'the refusal of grant_type to go')
        type_into(window, 'Value', value, within=entry.row())


def refusal(window):
    return any('cannot be an extra token parameter' in label for label in window.labels())


def type_secret(window, name, secret, on_enter):
    """Types a secret; with on_enter, Return hands it to the keyring, and
    the entry empties itself (the main window's way)."""
    entry = type_into(window, name, secret)
    if on_enter:
        key('Return')
        entry.wait_text('', f'the {name} entry to empty itself once the secret is stored')
        window.find('label', 'Stored in the keyring')


def fill_body(window, data):
    window.tab('Body')
    window.choose('Content type', 'Custom…')
    type_into(window, 'Custom content type', data['content_type'])
    type_into(window, 'Request Body', data['body'])


def fill_test(window, data):
    """The Test tab shows the values typed on the Request tab; types others
    there, and reads them back on the Request tab."""
    window.tab('Test')
    for name, value in data['test_values'].items():
        window.find('text', name).wait_text(data['values'][name],
                                            f'the Test tab to show {name} typed on the Request tab')
        type_into(window, name, value)
    window.tab('Request')
    for name, value in data['test_values'].items():
        window.find('text', harness.test_value(name)).wait_text(
            value, f'the Request tab to show {name} = {value!r}')


def check_tabs(window, data):
    """Reads every tab back: what was typed stayed where it was typed."""
    window.tab('Request')
    for name, expected in (('Name', data['name']), ('Method URL', data['url']),
                           ('Description', data['description'])):
        window.find('text', name).wait_text(expected)
    window.tab(harness.HEADERS_TAB)
    headers = window.find('list', 'Headers')
    names = [n for n, _ in data['headers']]
    wait_for(lambda: [w.text for w in headers.find_all('text', 'Header name')] == names,
             lambda: f'the headers {names} (they are '
                     f'{[w.text for w in headers.find_all("text", "Header name")]})')
    # A hand-typed Authorization header is overridden by the authentication, and says so.
    if any(n == 'Authorization' for n, _ in data['headers']):
        window.find('label', 'Overridden by the authentication', within=headers)
    for name, expected in (('Client ID', data['client_id']),
                           ('Access token URL', data['token_url']),
                           ('Scopes', data['scopes'])):
        window.find('text', name).wait_text(expected)
    window.tab('Body')
    window.find('text', 'Request Body').wait_text(data['body'])
    window.find('text', 'Custom content type').wait_text(data['content_type'])


def saved_method(context, name):
    petstore = next(a for a in context.saved()['apis'] if a['name'] == 'Petstore')
    method = next((m for m in petstore['methods'] if m['name'] == name), None)
    if method is None:
        raise Failure(f'No method {name} was saved: {[m["name"] for m in petstore["methods"]]}')
    return method


def check_saved(context, data):
    """The file holds the method of the Petstore API as typed, and refers
    to its secrets, which are in the keyring only."""
    with open(context.project, encoding='utf-8') as file:
        text = file.read()
    for secret in (data['password'], data['secret']):
        if secret in text:
            raise Failure(f'The saved project holds the secret {secret!r}')
    method = saved_method(context, data['name'])
    expected = {
        'name': data['name'],
        'url': data['url'],
        'description': data['description'],
        'headers': [{'name': n, 'value': v} for n, v in data['headers']],
        'content_type': data['content_type'],
        'body': data['body'],
        'test_values': [{'name': n, 'value': v} for n, v in data['test_values'].items()],
    }
    for member, value in expected.items():
        if method.get(member) != value:
            raise Failure(f'The saved {member} is {method.get(member)!r}, not {value!r}')
    auth = method.get('auth', {})
    expected_auth = {
        'type': 'oauth2-client-credentials',
        'client_id': data['client_id'],
        'token_url': data['token_url'],
        'scopes': data['scopes'],
        'client_auth': 'body',
        'token_params': [{'name': n, 'value': v} for n, v in data['token_params']],
    }
    for member, value in expected_auth.items():
        if auth.get(member) != value:
            raise Failure(f'The saved auth {member} is {auth.get(member)!r}, not {value!r}')
    if not auth.get('secret_id'):
        raise Failure(f'The saved auth refers to no secret: {auth}')
    # The command line, on the same keyring, finds the client secret (its
    # store, which Finish starts, may still be on its way).
    def cli_run():
        return subprocess.run([context.session.restcall, 'auth', context.project, 'Petstore',
                               data['name'], '--json'], capture_output=True, text=True)
    def cli_says():
        result = cli_run()
        return result.stdout + result.stderr
    def cli_finds_it():
        try:
            return json.loads(cli_run().stdout)['auth'].get('secret') == 'stored'
        except (ValueError, KeyError):
            return False
    wait_for(cli_finds_it,
             lambda: f'restcall auth to find the client secret stored; it says:\n{cli_says()}')


def save(context):
    key('ctrl+s')
    wait_for(lambda: not context.window.name.startswith('•'),
             'the title to lose its “modified” mark once saved')


# Steps

def main_request(context):
    window = context.window
    window.find('label', 'getPet').click()
    fill_request(window, MAIN)
    # The sidebar follows the name.
    window.find('label', MAIN['name'], within=window.find('list', 'Integrations › REST'))


def main_headers(context):
    fill_headers(context.window, MAIN, secret_on_enter=True)


def main_body(context):
    """Ctrl+S right after the last key saves the body as typed."""
    fill_body(context.window, MAIN)
    save(context)
    method = saved_method(context, MAIN['name'])
    for member in ('content_type', 'body'):
        if method.get(member) != MAIN[member]:
            raise Failure(f'Ctrl+S right after typing saved the {member} '
                          f'{method.get(member)!r}, not {MAIN[member]!r}')


def main_test(context):
    fill_test(context.window, MAIN)
    check_tabs(context.window, MAIN)


def main_save(context):
    """The Save button, shown while there is something to save, saves (a
    real click), and goes once saved."""
    window = context.window
    window.find('push button', 'Save').click()
    wait_for(lambda: not window.name.startswith('•'),
             'the title to lose its “modified” mark once saved')
    wait_for(lambda: not window.find_all('push button', 'Save'),
             'the Save button to go once saved')
    check_saved(context, MAIN)


def dialog_open(context):
    key('ctrl+shift+a')
    consume = context.app.dialog('Consume REST API')
    consume.button('Add Single Method…').click()
    context.dialog = context.app.dialog('Add Single Method')
    # For the API of the method selected in the window.
    context.dialog.wait_combo('Add to API', 'Petstore')


def dialog_request(context):
    fill_request(context.dialog, DIALOG)


def dialog_headers(context):
    # The dialog keeps a typed secret until Finish.
    fill_headers(context.dialog, DIALOG, secret_on_enter=False)


def dialog_body(context):
    fill_body(context.dialog, DIALOG)


def dialog_test(context):
    fill_test(context.dialog, DIALOG)
    check_tabs(context.dialog, DIALOG)


def dialog_finish(context):
    context.dialog.button('Finish').click()
    context.dialog.wait_gone()
    window = context.window
    window.find('label', DIALOG['name'], within=window.find('list', 'Integrations › REST'))
    save(context)
    check_saved(context, DIALOG)


def quit_app(context):
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('Main window, Request tab: name, URL, description, test values', main_request),
    ('Main window, Headers and Authentication tab: headers, Basic, OAuth 2.0', main_headers),
    ('Main window, Body tab: custom content type and body, saved by Ctrl+S at once', main_body),
    ('Main window, Test tab: test values, shown on the Request tab too', main_test),
    ('Main window: Save saves what was typed, and the secrets in the keyring only',
     main_save),
    ('Consume dialog: Ctrl+Shift+A, Add Single Method, for the selected API', dialog_open),
    ('Consume dialog, Request tab: name, URL, description, test values', dialog_request),
    ('Consume dialog, Headers and Authentication tab: headers, Basic, OAuth 2.0', dialog_headers),
    ('Consume dialog, Body tab: custom content type and body', dialog_body),
    ('Consume dialog, Test tab: test values, shown on the Request tab too', dialog_test),
    ('Consume dialog: Finish adds the method; Ctrl+S saves it, the secret in the keyring', dialog_finish),
    ('Ctrl+Q quits, with status 0', quit_app),
], setup=Context)
