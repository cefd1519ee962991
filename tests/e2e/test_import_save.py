#!/usr/bin/python3
# test_import_save.py: import an OpenAPI document, save the project, open it again
#
# First, through Add Methods From OpenAPI (Ctrl+I), a person loads
# tests/data/openapi/many-scopes.yaml from its URL: the summary counts its
# twelve scopes, and a click on Show All opens a popover listing each, read
# from the accessibility tree; Escape closes it, then the dialog.
#
# Then, in the still empty window, a person imports tests/data/openapi/
# petstore-3.0.yaml through the same dialog: Choose a File…, the path
# typed in the file chooser, every operation selected, Add. The
# API must come with its methods and the OAuth 2.0 client credentials the
# document declares, as `restcall import` builds them. Ctrl+S on the new
# project asks where to save it (the name typed in the chooser); the file
# must hold the API; an edit and Ctrl+S again must reach the file. Then
# Ctrl+Q, a new Restcall, Ctrl+O and the path typed: the project must show
# again as it was saved.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import functools
import http.server
import json
import os
import re
import subprocess
import threading

import harness
from harness import Failure, key, wait_for

OAUTH = 'OAuth 2.0: client credentials'


FIXTURES = os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'openapi')


def fixture(name):
    return os.path.join(FIXTURES, name)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Context:
    def __init__(self, session):
        self.session = session
        self.document = fixture('petstore-3.0.yaml')
        self.many_scopes = fixture('many-scopes.yaml')
        self.project = session.path('imported.restcall')
        self.app = session.start_app()
        self.window = self.app.window(re.compile(r' – Restcall$'))
        self.expected = self.cli_import(self.document)
        # The documents over HTTP too: typed as a URL, a document is read
        # without the file chooser, whose second opening would start on the
        # recent files (see harness.choose_file).
        self.server = http.server.ThreadingHTTPServer(
            ('127.0.0.1', 0), functools.partial(QuietHandler, directory=FIXTURES))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name):
        return f'http://127.0.0.1:{self.server.server_address[1]}/{name}'

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def cli_import(self, document):
        """The API `restcall import` builds from the same document."""
        reference = self.session.path('reference.restcall')
        if os.path.exists(reference):
            os.unlink(reference)
        subprocess.run([self.session.restcall, 'import', document, '--into', reference],
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


def popover_labels(row):
    """The texts of the labels in the popover of `row`, once it is open."""
    tree = harness.snapshot(row.ref, showing=False)
    popover = next((n for n in tree if n.role == 'filler' and n.name == 'GtkPopover'), None)
    if popover is None or 'visible' not in harness.states_of(popover.ref):
        return None
    return [harness.text_of(n.ref) for n in tree
            if n.order[:len(popover.order)] == popover.order and n.role == 'label']


def scopes_popover(context):
    """A document with twelve long scopes, from its URL: the summary says
    how many, and a click on Show All opens a popover that lists each, as
    `restcall import` asks for them. GTK 4.8 puts the popover in the tree
    below its button, but gives its children odd coordinates: its labels
    are read, never clicked."""
    expected = context.cli_import(context.many_scopes)['auth']['scopes'].split()
    key('ctrl+i')
    dialog = context.app.dialog('Add Methods From OpenAPI')
    dialog.find('text', 'Document URL').type(context.url('many-scopes.yaml'))
    key('Return')
    row = dialog.find('list item', 'Scopes')
    row.find('label', f'{len(expected)} scopes')
    if popover_labels(row) is not None:
        raise Failure('The scopes popover is open before Show All is clicked')
    row.find('push button', 'Show All').click()
    shown = wait_for(lambda: popover_labels(row), 'the scopes popover to open')
    if shown != expected:
        raise Failure(f'The popover lists\n{shown}\nnot\n{expected}')
    key('Escape')
    wait_for(lambda: popover_labels(row) is None, 'Escape to close the popover')
    key('Escape')
    dialog.wait_gone()


def import_document(context):
    key('ctrl+i')
    dialog = context.app.dialog('Add Methods From OpenAPI')
    dialog.button('Choose a File…').click()
    harness.choose_file(context.app.window('Choose an OpenAPI Document'), context.document)
    # The operations page: the document's title, its authentication, and
    # a check button for each operation.
    dialog.find('label', 'Petstore')
    dialog.find('label', re.compile(r'Access token URL: https://\{\{host\}\}/oauth/token'))
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
    ('Ctrl+I, a URL, many scopes: their count; a click on Show All lists each', scopes_popover),
    ('Ctrl+I, Choose a File…, the path typed: every operation selected and added', import_document),
    ('The API and its methods, with the OAuth 2.0 the document declares', check_shown),
    ('Ctrl+S on a new project: Save As, the name typed; the file holds the API', save_as),
    ('An edit, then Ctrl+S: the file follows', edit_and_save),
    ('Ctrl+Q, then Restcall with the file: it opens', reopen),
    ('The reopened project shows what was saved; Ctrl+Q quits', reopened_as_saved),
], setup=Context)
