#!/usr/bin/python3
# test_import_save.py: import an OpenAPI document, save the project, open it again
#
# In an empty Restcall window, a person imports tests/data/openapi/
# petstore-3.0.yaml through Add Methods from OpenAPI (Ctrl+I): Choose a File…,
# the path typed in the file chooser, every operation selected, Add. The
# API must come with its methods and the OAuth 2.0 client credentials the
# document declares, as `restcall import` builds them. Ctrl+S on the new
# project asks where to save it (the name typed in the chooser); the file
# must hold the API; an edit and Ctrl+S again must reach the file. Then
# Ctrl+Q, a new Restcall, Ctrl+O and the path typed: the project must show
# again as it was saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess

import harness
from harness import Failure, key, wait_for

OAUTH = 'OAuth 2.0: client credentials'


class Context:
    def __init__(self, session):
        self.session = session
        self.document = os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'openapi',
                                     'petstore-3.0.yaml')
        self.project = session.path('imported.restcall')
        self.app = session.start_app()
        self.window = self.app.window(re.compile(r' – Restcall$'))
        self.expected = self.cli_import()

    def cli_import(self):
        """The API `restcall import` builds from the same document."""
        reference = self.session.path('reference.restcall')
        subprocess.run([self.session.restcall, 'import', self.document, '--into', reference],
                       check=True, capture_output=True)
        with open(reference, encoding='utf-8') as file:
            return json.load(file)['apis'][0]

    def saved(self):
        with open(self.project, encoding='utf-8') as file:
            return json.load(file)


def same_api(api, expected):
    """The API as `restcall import` made it, ids and description aside."""
    def strip(item):
        return {k: v for k, v in item.items() if k not in ('id', 'description', 'methods')}
    if strip(api) != strip(expected):
        raise Failure(f'The API is\n{strip(api)}\nnot\n{strip(expected)}')
    names = [m['name'] for m in api['methods']]
    if [strip(m) for m in api['methods']] != [strip(m) for m in expected['methods']]:
        raise Failure(f'The methods are\n{api["methods"]}\nnot\n{expected["methods"]}')
    return names


def import_document(context):
    key('ctrl+i')
    dialog = context.app.dialog('Add Methods from OpenAPI')
    dialog.button('Choose a File…').click()
    harness.choose_file(context.app.window('Choose an OpenAPI Document'), context.document)
    # The operations page: the document's title, its authentication, and
    # a check button for each operation.
    dialog.find('label', 'Petstore')
    dialog.find('label', re.compile(r'Access token URL: https://api\.example\.com/oauth/token'))
    dialog.button('Select All').click()
    count = len(context.expected['methods'])
    dialog.find('label', re.compile(rf'\b{count} of {count}\b'))
    dialog.button('Add').click()
    dialog.wait_gone()


def check_shown(context):
    """The sidebar lists the API's methods, and its page shows its base URL
    and the authentication the document declares."""
    window = context.window
    sidebar = window.find('list', 'Integrations › REST')
    for method in context.expected['methods']:
        sidebar.find('label', method['name'])
    sidebar.find('label', 'Petstore').click()
    window.wait_combo('Type', OAUTH)
    auth = context.expected['auth']
    window.find('text', 'Access token URL').wait_text(auth['token_url'])
    window.find('text', 'Scopes').wait_text(auth['scopes'])
    window.find('text', 'Base URL').wait_text(context.expected['base_url'])
    return sidebar


def save_as(context):
    key('ctrl+s')
    harness.choose_file(context.app.window('Save Project'), context.project, save=True)
    wait_for(lambda: context.window.name == 'imported.restcall – Restcall',
             lambda: f'the title to name the saved file (it is {context.window.name!r})')
    same_api(context.saved()['apis'][0], context.expected)


def edit_and_save(context):
    window = context.window
    window.find('list', 'Integrations › REST').find('label', 'getPet').click()
    window.tab('Request')
    window.find('text', 'Name').type('getPetInfo')
    window.find('text', 'Method URL').type('/pets/{petId}?lang={lang}')
    key('ctrl+s')
    wait_for(lambda: not window.name.startswith('•'), 'the title to lose its “modified” mark')
    method = next(m for m in context.saved()['apis'][0]['methods'] if m['name'] == 'getPetInfo')
    if method['url'] != '/pets/{petId}?lang={lang}':
        raise Failure(f'The saved method is {method}')
    context.expected = context.saved()['apis'][0]


def reopen(context):
    key('ctrl+q')
    context.app.wait_exit()
    context.app = context.session.start_app(context.project)
    context.window = context.app.window('imported.restcall – Restcall')


def reopened_as_saved(context):
    window = context.window
    check_shown(context).find('label', 'getPetInfo').click()
    window.tab('Request')
    window.find('text', 'Name').wait_text('getPetInfo')
    window.find('text', 'Method URL').wait_text('/pets/{petId}?lang={lang}')
    window.find('text', harness.test_value('lang'))
    key('ctrl+q')
    context.app.wait_exit()


harness.run([
    ('Ctrl+I, Choose a File…, the path typed: every operation selected and added', import_document),
    ('The API and its methods, with the OAuth 2.0 the document declares', check_shown),
    ('Ctrl+S on a new project: Save As, the name typed; the file holds the API', save_as),
    ('An edit, then Ctrl+S: the file follows', edit_and_save),
    ('Ctrl+Q, then Restcall with the file: it opens', reopen),
    ('The reopened project shows what was saved; Ctrl+Q quits', reopened_as_saved),
], setup=Context)
