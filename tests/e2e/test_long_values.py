#!/usr/bin/python3
# test_long_values.py: long and multi-line values show whole, and take what is typed
#
# Opens a project whose API and method have descriptions with line breaks,
# as an imported OpenAPI document gives them: each description reads whole
# on its page (through AT-SPI, as a screen reader reads it), in a row
# taller than a one-line row. Then a person types, a key at a time, a new
# API description with Return in it (the line break stays), a long list of
# scopes (the row grows: the list wraps), then Return in the scopes (it
# adds nothing: scopes are one line), and a new method description with
# Return in it. Ctrl+S saves each as typed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re

import harness
from harness import Failure, key, wait_for, xdotool

IMPORTED_API = 'Everything about pets.\n\nFrom the Petstore document.'
IMPORTED_METHOD = 'Lists the pets.\nPaged: see limit.'
API_DESCRIPTION = 'Pets of the store.\nAsk the owner before a POST.'
METHOD_DESCRIPTION = 'Every pet,\na page at a time.'
SCOPES = ' '.join(f'pets.{n}:read pets.{n}:write' for n in range(12))


class Context:
    def __init__(self, session):
        self.session = session
        self.project = session.path('long-values.restcall')
        harness.write_project(self.project, {
            'name': 'Pets', 'base_url': 'https://pets.example.com/v1',
            'description': IMPORTED_API,
            'auth': {'type': 'oauth2-client-credentials', 'client_id': 'pets-client',
                     'token_url': 'https://auth.example.com/token', 'scopes': 'pets:read'},
            'methods': [{'name': 'ListPets', 'verb': 'GET', 'url': '/pets',
                         'description': IMPORTED_METHOD}]})
        self.app = session.start_app(self.project)
        self.window = self.app.window(re.compile(r'long-values\.restcall – Restcall$'))


def taller(text, height):
    """Waits until the row of `text` is more than `height` px high."""
    wait_for(lambda: text.row().extents[3] > height,
             lambda: f'the row of {text} to be more than {height} px high '
                     f'(it is {text.row().extents[3]} px)')


def imported_whole(context):
    """Each description reads whole, in a row taller than the one-line
    scopes' (as high as an entry row)."""
    window = context.window
    window.sidebar().find('label', 'Pets').click()
    description = window.find('text', 'Description')
    description.wait_text(IMPORTED_API)
    one_line = window.find('text', 'Scopes').row().extents[3]
    taller(description, one_line)
    window.sidebar().find('label', 'ListPets').click()
    window.tab('Request')
    description = window.find('text', 'Description')
    description.wait_text(IMPORTED_METHOD)
    taller(description, one_line)


def api_description(context):
    window = context.window
    window.sidebar().find('label', 'Pets').click()
    window.find('text', 'Description').type(API_DESCRIPTION)


def long_scopes(context):
    window = context.window
    scopes = window.find('text', 'Scopes')
    one_line = scopes.row().extents[3]
    scopes.type(SCOPES)
    # Wrapped: its row half as high again as with one line, at least.
    taller(scopes, 1.5 * one_line)
    # Return adds nothing: the key typed after it comes right after the list.
    key('Return')
    xdotool('type', '--clearmodifiers', '--delay', '0', '--', 'x')
    scopes.wait_text(SCOPES + 'x', 'the scopes, after Return and x,')
    key('BackSpace')
    scopes.wait_text(SCOPES, 'the scopes, after BackSpace,')


def method_description(context):
    window = context.window
    window.sidebar().find('label', 'ListPets').click()
    window.tab('Request')
    window.find('text', 'Description').type(METHOD_DESCRIPTION)


def saved(context):
    project = json.loads(harness.save_and_read(context.window, context.project))
    api = project['apis'][0]
    found = {'API description': api.get('description'),
             'scopes': api.get('auth', {}).get('scopes'),
             'method description': api['methods'][0].get('description')}
    expected = {'API description': API_DESCRIPTION, 'scopes': SCOPES,
                'method description': METHOD_DESCRIPTION}
    for what, value in expected.items():
        if found[what] != value:
            raise Failure(f'The saved {what} is {found[what]!r}, not {value!r}')


def quit_app(context):
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('Imported descriptions with line breaks read whole, the API\'s and the method\'s',
     imported_whole),
    ('The API\'s description typed, Return breaking the line', api_description),
    ('A long scope list typed wraps; Return adds nothing to it', long_scopes),
    ('The method\'s description typed, Return breaking the line', method_description),
    ('Ctrl+S saves the descriptions with their line breaks, and the scopes', saved),
    ('Ctrl+Q quits, with status 0', quit_app),
], setup=Context)
