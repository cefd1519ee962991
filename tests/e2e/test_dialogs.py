#!/usr/bin/python3
# test_dialogs.py: every dialog the main window opens is a dialog to a screen reader
#
# A screen reader announces a window by its role and name: each dialog
# Restcall opens from its main window must be a dialog (role dialog, not
# the frame of a main window nor a nameless filler) named by its title.
# And a button whose label has a mnemonic (“_Finish”) must be named by the
# label it shows (“Finish”), not by its label as written and then as shown
# (“_Finish Finish”, GTK 4.8's own way).
#
# From the sample project's window, as a person opens them: Consume REST
# API (Ctrl+Shift+A) and its Add Single Method; Add Methods From OpenAPI
# (Ctrl+I); the keyboard shortcuts (Ctrl+?); About Restcall and Delete
# Method… from the main menu; the question about unsaved changes (Ctrl+W
# after an edit); and the question before a stored client secret goes to
# another server (the API page's Get New Token after its Access token URL
# changed). Each is looked at, then dismissed with Escape.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil

import harness
from harness import Failure, key, snapshot, text_of, wait_for

CLIENT_SECRET = 'e2e-dialogs-s3cret'


class Context:
    def __init__(self, session):
        self.project = session.path('sample.restcall')
        shutil.copy(os.path.join(os.environ['G_TEST_SRCDIR'], 'data', 'sample.restcall'),
                    self.project)
        self.app = session.start_app(self.project)
        self.window = self.app.window(re.compile(r'sample\.restcall – Restcall$'))


def check_buttons(dialog, wanted=()):
    """Every button on screen in `dialog` that shows a label is named by
    that label's text; the buttons named `wanted` are among them, once the
    dialog has shown them (it may still be mapping)."""
    for name in wanted:
        dialog.button(name)
    for button in dialog.find_all('push button'):
        labels = [text_of(n.ref) for n in snapshot(button.ref) if n.role == 'label']
        if not labels:
            continue    # an icon: named by its tooltip, or by nothing GTK 4.8 can help
        shown = ' '.join(labels)
        if button.name != shown:
            raise Failure(f'In {dialog}, the button showing {shown!r} is named {button.name!r}')


def dismiss(dialog):
    key('Escape')
    dialog.wait_gone()


def consume(context):
    key('ctrl+shift+a')
    choice = context.app.dialog('Consume REST API')
    check_buttons(choice, ['Cancel', 'Add Single Method…', 'Add Methods From OpenAPI…'])
    choice.button('Add Single Method…').click()
    dialog = context.app.dialog('Add Single Method')
    check_buttons(dialog, ['Cancel', 'Finish'])
    dismiss(dialog)


def import_openapi(context):
    key('ctrl+i')
    dialog = context.app.dialog('Add Methods From OpenAPI')
    check_buttons(dialog, ['Choose a File…', 'Load'])
    dismiss(dialog)


def shortcuts(context):
    key('ctrl+question')
    dismiss(context.app.dialog('Keyboard Shortcuts'))


def about(context):
    context.window.menu_item('Main Menu', 'About Restcall')
    dialog = context.app.dialog('About Restcall')
    check_buttons(dialog)
    dismiss(dialog)


def delete_method(context):
    window = context.window
    window.find('label', 'getPet').click()
    window.find('text', 'Name').wait_text('getPet')
    window.menu_item('Main Menu', 'Delete Method…')
    dialog = context.app.dialog('Delete “getPet”?')
    check_buttons(dialog, ['Cancel', 'Delete'])
    dismiss(dialog)


def unsaved_changes(context):
    window = context.window
    window.find('text', 'Description').type('Changed')
    wait_for(lambda: window.name.startswith('•'), 'the title to say there are unsaved changes')
    key('ctrl+w')
    dialog = context.app.dialog('Save changes to “sample.restcall”?')
    check_buttons(dialog, ['Cancel', 'Discard', 'Save'])
    dismiss(dialog)


def secret_elsewhere(context):
    window = context.window
    window.find('label', 'Petstore').click()
    secret = window.find('text', 'Client secret')
    secret.type(CLIENT_SECRET)
    key('Return')
    secret.wait_text('', 'the Client secret entry to empty itself once the secret is stored')
    window.find('label', 'Stored in the keyring')
    # The secret was stored for auth.example.com; the token now comes from elsewhere.
    window.find('text', 'Access token URL').type('https://elsewhere.example.net/oauth2/token')
    window.button('Get New Token').click()
    dialog = context.app.dialog('Send the Client Secret Elsewhere?')
    check_buttons(dialog, ['Cancel', 'Type a New Secret', 'Use It Here'])
    dismiss(dialog)


harness.run([
    ('Consume REST API and Add Single Method: dialogs, buttons named as shown', consume),
    ('Add Methods From OpenAPI: a dialog, buttons named as shown', import_openapi),
    ('Keyboard shortcuts: a dialog', shortcuts),
    ('About Restcall: a dialog', about),
    ('Delete Method…: a dialog, buttons named as shown', delete_method),
    ('Unsaved changes on closing: a dialog, buttons named as shown', unsaved_changes),
    ('A stored secret sent elsewhere: a dialog, buttons named as shown', secret_elsewhere),
], Context)
