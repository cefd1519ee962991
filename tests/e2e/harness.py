# harness.py: drive the real Restcall through its accessibility tree with real X input
#
# The end-to-end tests start the real `restcall` binary ($RESTCALL_BIN) as a
# person's session would: under an X server, on a session bus with the
# accessibility bus (at-spi-bus-launcher, started here), and with a real,
# unlocked, throwaway GNOME Keyring. tests/keyring-session.sh provides the
# X server (Xvfb), the session bus, the keyring and a private HOME. The app
# runs with GTK_A11Y unset, so it shows itself to AT-SPI as it does to a
# screen reader, and with GSK_RENDERER=cairo (GL on llvmpipe is slow).
#
# Widgets are found by their accessible role and name, as a screen reader
# names them. Every action is a real X event from xdotool: the pointer
# moves to the middle of the widget (AT-SPI gives its extents relative to
# the window; the window's X origin and its client-side border are added)
# and clicks; keys are pressed one at a time. Nothing calls a widget's
# action or sets its text through AT-SPI: that would prove the widget, not
# the app.
#
# The tree is read over AT-SPI's D-Bus interfaces (the ones pyatspi wraps),
# through Gio, with each level's questions sent at once: pyatspi asks one
# question a round trip, and finding a widget in a window took it a second
# or more (four round trips for each of some 300 nodes). The Atspi
# typelib (from python3-pyatspi's dependencies) names the states.
#
# Nothing waits for a time. wait_for() polls a condition (the tree, a text,
# a file) until it holds; its deadline only turns a hang into a failure
# with a message, and is long (60 s) so that a busy machine is never one.
#
# Each test program lists its steps and calls run(); the steps share one
# app, in order, and print TAP. When a step fails, the steps after it fail
# too, unrun (they would start from a state nobody planned).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
import uuid

# G_DEBUG=fatal-warnings (the suite's) is for the app only. GLib reads it
# when it loads, so it goes before anything imports gi.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)

STARTED = time.monotonic()
DEADLINE = 60.0     # seconds: a hang guard, never a timing expectation
POLL = (0.01, 0.2)  # seconds between two looks at a condition: the first, the longest

ROOT_PATH = '/org/a11y/atspi/accessible/root'
ACCESSIBLE = 'org.a11y.atspi.Accessible'
COMPONENT = 'org.a11y.atspi.Component'
TEXT = 'org.a11y.atspi.Text'
VALUE = 'org.a11y.atspi.Value'
PROPERTIES = 'org.freedesktop.DBus.Properties'
WINDOW_COORDS = 1

# The method editor's Headers and Authentication tab: its full name, or
# the short one it takes where the full one would not fit.
HEADERS_TAB = re.compile(r'^(Headers and Authentication|Headers & Auth)$')
# The main window's tree of APIs and methods.
SIDEBAR = 'Integrations › REST'
# What the Test tab shows once a call has ended: "200 OK · 35 ms · 151 bytes".
STATUS_LINE = re.compile(r'^\d{3} .* · ')



def test_value(parameter):
    """The name of a URL parameter's row on the Request tab, which holds its
    test value (on the Test tab, under "Test Values", it is the parameter's)."""
    return f'{parameter} · test value'


Gio = GLib = Atspi = None   # imported in Session, once the tools are known to be there
bus = None                  # the accessibility bus (A11yBus)


class Skip(Exception):
    """Something the tests need is missing: the program skips, saying why."""


class Failure(AssertionError):
    pass


def diag(text):
    for line in str(text).splitlines() or ['']:
        print('# ' + line, flush=True)


def wait_for(condition, what, deadline=DEADLINE, apps_alive=True):
    """Returns condition()'s first true value; fails saying `what` (a
    string, or a function that says it then) when the deadline passes
    first, or at once when an app has died. Errors while looking (a widget
    that went away under our feet) count as "not yet". It looks less and
    less often, so that a long wait does not keep a busy app busier."""
    end = time.monotonic() + deadline
    last_error = None
    pause = POLL[0]
    while True:
        if apps_alive:
            for app in App.running:
                app.check_alive()
        try:
            value = condition()
            if value:
                return value
            last_error = None
        except Failure:
            raise
        except Exception as error:
            last_error = error
        if time.monotonic() > end:
            detail = f' (last error: {last_error!r})' if last_error else ''
            raise Failure(f'Waited {deadline:.0f} s for {what() if callable(what) else what}{detail}')
        time.sleep(pause)
        pause = min(2 * pause, POLL[1])


def run_tool(*argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f'{" ".join(argv)} failed ({result.returncode}): {result.stderr.strip()}')
    return result.stdout


# X input and windows

ACTIONS = collections.deque(maxlen=40)   # the last inputs sent, for a failure's diagnostics


def xdotool(*args):
    ACTIONS.append(f'{time.monotonic() - STARTED:8.2f} xdotool {" ".join(args)}')
    run_tool('xdotool', *args)


def key(*combos):
    """Presses keys, as xdotool names them: key('ctrl+shift+a', 'Return')."""
    xdotool('key', '--clearmodifiers', *combos)


def x_toplevels():
    """The X server's top-level windows, top-most first (xwininfo lists
    them so), as (id, name, x, y, width, height)."""
    windows = []
    pattern = re.compile(r'^\s+(0x[0-9a-f]+) (?:"(.*?)":|\(has no name\)).*?'
                         r'(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)$')
    for line in run_tool('xwininfo', '-root', '-children').splitlines():
        m = pattern.match(line)
        if m:
            windows.append((m.group(1), m.group(2) or '', int(m.group(7)), int(m.group(8)),
                            int(m.group(3)), int(m.group(4))))
    return windows


def x_viewable(window_id):
    return 'IsViewable' in run_tool('xwininfo', '-id', window_id, '-stats')


# The accessibility tree

class A11yBus:
    """The accessibility bus, and AT-SPI's questions to the objects on it.
    An object is a (bus name, path) pair."""

    def __init__(self, session_bus):
        address = session_bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus',
                                        'GetAddress', None, None, Gio.DBusCallFlags.NONE,
                                        -1, None).unpack()[0]
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
                 Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        self.connection = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)

    def ask(self, ref, interface, method, args=None):
        reply = self.connection.call_sync(ref[0], ref[1], interface, method, args, None,
                                          Gio.DBusCallFlags.NO_AUTO_START,
                                          int(DEADLINE * 1000), None)
        return reply.unpack()

    def ask_all(self, questions):
        """Asks every (ref, interface, method, args) question at once, and
        returns the answers (a GLib.Error for a question that failed)."""
        answers = [None] * len(questions)
        pending = [len(questions)]

        def answered(connection, result, index):
            try:
                answers[index] = connection.call_finish(result).unpack()
            except GLib.Error as error:
                answers[index] = error
            pending[0] -= 1

        for index, (ref, interface, method, args) in enumerate(questions):
            self.connection.call(ref[0], ref[1], interface, method, args, None,
                                 Gio.DBusCallFlags.NO_AUTO_START, int(DEADLINE * 1000), None,
                                 answered, index)
        context = GLib.MainContext.default()
        while pending[0]:
            context.iteration(True)
        return answers

    def bus_pid(self, name):
        return self.ask(('org.freedesktop.DBus', '/org/freedesktop/DBus'),
                        'org.freedesktop.DBus', 'GetConnectionUnixProcessID',
                        GLib.Variant('(s)', (name,)))[0]



def prop(ref, interface, name):
    return bus.ask(ref, PROPERTIES, 'Get', GLib.Variant('(ss)', (interface, name)))[0]


def name_of(ref):
    return prop(ref, ACCESSIBLE, 'Name')


def role_name(role):
    """AT-SPI's name of a role number ('page tab'): GetRoleName answers
    GTK's own words ('tab')."""
    return Atspi.role_get_name(Atspi.Role(role))


def role_of(ref):
    return role_name(bus.ask(ref, ACCESSIBLE, 'GetRole')[0])


def children_of(ref):
    return [tuple(child) for child in bus.ask(ref, ACCESSIBLE, 'GetChildren')[0]]


def parent_of(ref):
    parent = tuple(prop(ref, ACCESSIBLE, 'Parent'))
    return None if parent[1] == ROOT_PATH or parent[1] == '/org/a11y/atspi/null' else parent


def extents_of(ref):
    """(x, y, width, height) relative to the window."""
    return tuple(bus.ask(ref, COMPONENT, 'GetExtents', GLib.Variant('(u)', (WINDOW_COORDS,)))[0])


def text_of(ref):
    """The text of a label, an entry or a text view. GTK 4.8 answers '' to
    GetText(0, -1) for labels and entries, so ask for the whole length."""
    count = prop(ref, TEXT, 'CharacterCount')
    return bus.ask(ref, TEXT, 'GetText', GLib.Variant('(ii)', (0, count)))[0]


def states_of(ref):
    words = bus.ask(ref, ACCESSIBLE, 'GetState')[0]
    return {Atspi.StateType(32 * w + bit).value_nick
            for w, word in enumerate(words) for bit in range(32) if word & (1 << bit)}


def is_showing(ref, box=None):
    """On screen: a size, and its middle inside it. A widget of a page that
    was shown and then switched away keeps stale extents, but Contains()
    answers False for it, as it is not mapped."""
    box = box or extents_of(ref)
    if box[2] <= 0 or box[3] <= 0:
        return False
    return bus.ask(ref, COMPONENT, 'Contains',
                   GLib.Variant('(iiu)', (box[0] + box[2] // 2, box[1] + box[3] // 2,
                                          WINDOW_COORDS)))[0]


class Node:
    """What one look at the tree saw of an object."""

    def __init__(self, ref, order, depth):
        self.ref, self.order, self.depth = ref, order, depth
        self.role = self.name = self.extents = None


def snapshot(root, showing=True):
    """The tree below `root`, in its order, read a level at a time with all
    of a level's questions at once. With `showing`, objects with no size and
    what is below them are left out: nothing there is on screen (most of the
    tree is pages not shown)."""
    seen, level = [], [Node(root, (), 0)]
    while level:
        answers = bus.ask_all([q for node in level for q in (
            (node.ref, ACCESSIBLE, 'GetRole', None),
            (node.ref, PROPERTIES, 'Get', GLib.Variant('(ss)', (ACCESSIBLE, 'Name'))),
            (node.ref, COMPONENT, 'GetExtents', GLib.Variant('(u)', (WINDOW_COORDS,))),
            (node.ref, ACCESSIBLE, 'GetChildren', None))])
        below = []
        for index, node in enumerate(level):
            role, name, box, kids = answers[4 * index:4 * index + 4]
            if isinstance(role, Exception) or isinstance(kids, Exception):
                continue    # gone meanwhile
            node.role = role_name(role[0])
            node.name = '' if isinstance(name, Exception) else name[0]
            node.extents = None if isinstance(box, Exception) else tuple(box[0])
            if showing and node.depth > 0 and node.extents and \
                    (node.extents[2] <= 0 or node.extents[3] <= 0):
                continue
            seen.append(node)
            below.extend(Node(tuple(kid), node.order + (i,), node.depth + 1)
                         for i, kid in enumerate(kids[0]))
        level = below
    seen.sort(key=lambda node: node.order)
    return seen


def describe(root):
    """The part of the tree with a size, as text, for a failure's
    diagnostics: role, name, extents, text, and "(hidden)" for what is not
    on screen."""
    lines = []
    for node in snapshot(root):
        line = '  ' * node.depth + f'{node.role} {node.name!r} {node.extents}'
        try:
            if node.extents and not is_showing(node.ref, node.extents):
                line += ' (hidden)'
            if node.role in ('text', 'label'):
                line += f' = {text_of(node.ref)[:80]!r}'
        except Exception as error:
            line += f' ({error})'
        lines.append(line)
    return '\n'.join(lines)


def inside_parents(node, tree):
    """Whether the middle of `node` is inside each of the objects it is in,
    up to the scrolled window it is in (scrolling brings it in view). A
    widget that overflows its parent, as the wide view switcher of a
    squeezer does while it gives way to the narrow one, is mapped but a
    click on it lands on something else."""
    if not node.extents:
        return True
    middle_x = node.extents[0] + node.extents[2] // 2
    middle_y = node.extents[1] + node.extents[3] // 2
    by_order = {n.order: n for n in tree}
    order = node.order
    while order:
        order = order[:-1]
        parent = by_order.get(order)
        if parent is None or parent.role == 'scroll pane':
            return True
        grandparent = by_order.get(order[:-1])
        if grandparent is not None and grandparent.role == 'scroll pane':
            return True     # the viewport: what is scrolled away is out of it
        box = parent.extents
        if box and box[2] > 0 and box[3] > 0 and not (
                box[0] <= middle_x < box[0] + box[2] and box[1] <= middle_y < box[1] + box[3]):
            return False
    return True


def matches(node, role, name):
    if node.role != role:
        return False
    if name is None:
        return True
    if isinstance(name, re.Pattern):
        return bool(name.search(node.name))
    return node.name == name


class Widget:
    """An object of the tree in its window: what a person sees and uses."""

    def __init__(self, window, ref, role=None, name=None):
        self.window, self.ref = window, ref
        self.role = role or role_of(ref)
        self._name = name

    def __repr__(self):
        if self._name is None:
            try:
                self._name = self.name
            except Exception:
                return f'{self.role} (gone)'
        return f'{self.role} {self._name!r}'

    def __eq__(self, other):
        return isinstance(other, Widget) and self.ref == other.ref

    @property
    def name(self):
        return name_of(self.ref)

    @property
    def text(self):
        return text_of(self.ref)

    @property
    def states(self):
        return states_of(self.ref)

    @property
    def extents(self):
        return extents_of(self.ref)

    def find(self, role, name=None, **kwargs):
        return self.window.find(role, name, within=self, **kwargs)

    def find_all(self, role, name=None, **kwargs):
        return self.window.find_all(role, name, within=self, **kwargs)

    def ancestor(self, role):
        """The nearest object of `role` this widget is in (a row of a list is
        a 'list item')."""
        ref = parent_of(self.ref)
        while ref is not None and role_of(ref) != role:
            ref = parent_of(ref)
        if ref is None:
            raise Failure(f'{self} is in no {role}')
        return Widget(self.window, ref, role)

    def row(self):
        return self.ancestor('list item')

    def labels(self):
        """The texts of the labels on screen below this widget, in order."""
        return [text_of(n.ref) for n in snapshot(self.ref)
                if n.role == 'label' and is_showing(n.ref, n.extents)]

    def scroll_into_view(self):
        """Scrolls with the mouse wheel over the scrolled window the widget
        is in, until the widget is inside it: GTK does not report clipping."""
        try:
            pane = self.ancestor('scroll pane')
        except Failure:
            return

        def placement():
            box, view = self.extents, pane.extents
            if box[1] < view[1]:
                return 'up'
            if box[1] + box[3] > view[1] + view[3] and box[1] > view[1]:
                return 'down'
            return None

        direction = placement()
        while direction:
            before = self.extents
            view = pane.extents
            self.window.pointer(view[0] + view[2] // 2, view[1] + view[3] // 2,
                                'click', '4' if direction == 'up' else '5')
            # A notch scrolls by a step, or not at all at the end: wait until
            # the widget has moved, or the scroll bar is at its end.
            wait_for(lambda: self.extents != before or placement() is None or
                     scrolled_to_end(pane, direction), f'{self} to scroll {direction}')
            if self.extents == before:
                break
            direction = placement()

    def click(self, button=1):
        """Moves the pointer to the middle of the widget and clicks, once it
        shows, no other window covers that point, and it is still there when
        looked at again: a window still being laid out moves it (a row above
        it that changes its height), and the pointer aims at where it is now,
        as a person's would."""
        self.scroll_into_view()

        def aim():
            box = self.extents
            if not is_showing(self.ref, box):
                return None
            x, y = box[0] + box[2] // 2, box[1] + box[3] // 2
            if not self.window.reachable(x, y) or self.extents != box:
                return None
            return x, y

        x, y = wait_for(aim, lambda: f'{self} to show, and stay put, with no other window over it')
        self.window.pointer(x, y, 'click', str(button))

    def wait_text(self, expected, what=None):
        wait_for(lambda: self.text == expected,
                 lambda: f'{what or self} to read {expected!r} (it reads {self.text!r})')

    def type(self, text, clear=True):
        """Clicks into the entry, empties it (Ctrl+A, BackSpace), and types
        `text` a key at a time, checking after each that the entry reads
        what was typed so far: a key that garbles the text or kills the app
        fails at that key."""
        self.click()
        if clear:
            key('ctrl+a', 'BackSpace')
            self.wait_text('', f'{self}, emptied by Ctrl+A, BackSpace,')
        typed = '' if clear else self.text
        for char in text:
            typed += char
            if char == '\n':
                key('Return')
            else:
                xdotool('type', '--clearmodifiers', '--delay', '0', '--', char)
            self.wait_text(typed, f'{self}, after {char!r},')


def scroll_bar_values(pane):
    """The lowest, highest and current value of a scroll pane's vertical
    scroll bar, when it has a range to scroll, or None. GTK 4.8 gives the
    Value interface to the bar's GtkRange child, and its MaximumValue is
    the adjustment's upper bound, not upper less the page: the page is the
    pane's height."""
    for node in snapshot(pane.ref, showing=False):
        if node.role != 'scroll bar' or node.depth != 1:
            continue
        box = extents_of(node.ref)
        if box[3] <= box[2]:
            continue    # the horizontal one
        for ref in [node.ref] + children_of(node.ref):
            try:
                low, high, now = (prop(ref, VALUE, p)
                                  for p in ('MinimumValue', 'MaximumValue', 'CurrentValue'))
            except Exception:
                continue
            high -= extents_of(pane.ref)[3]
            return (low, high, now) if high > low else None
    return None


def scrolled_to_end(pane, direction):
    values = scroll_bar_values(pane)
    if values is None:
        return False
    low, high, now = values
    return now >= high - 1 if direction == 'down' else now <= low


class Window(Widget):
    """A toplevel of the app: the main window (a frame), or a dialog."""

    def __init__(self, app, ref):
        self.app = app
        super().__init__(self, ref)
        self._name = self.name

    def __repr__(self):
        try:
            return f'window {self.name!r}'
        except Exception:
            return f'window {self._name!r} (gone)'

    def find_all(self, role, name=None, within=None, showing=True):
        """Every widget of `role` named `name` (a string, or a compiled
        pattern) that is on screen now (all of them, with showing=False)."""
        root = within.ref if within else self.ref
        tree = snapshot(root, showing)
        return [Widget(self, n.ref, n.role, n.name) for n in tree
                if matches(n, role, name) and
                (not showing or (inside_parents(n, tree) and is_showing(n.ref, n.extents)))]

    def find(self, role, name=None, within=None, showing=True, index=0):
        """Waits for the widget, and returns it; with several, the index-th
        in the tree's order."""
        def found():
            widgets = self.find_all(role, name, within, showing)
            return widgets[index] if len(widgets) > index else None
        return wait_for(found, f'{role} {name!r} in {self} to show')

    def button(self, name):
        return self.find('push button', name)

    def sidebar(self):
        """The main window's tree of APIs and methods."""
        return self.find('list', SIDEBAR)

    def menu_item(self, menu_button, item):
        """Opens the menu of `menu_button` with a click and activates its
        `item` with the keyboard, as a person does when the pointer cannot
        reach a popover (see choose()): the arrow keys to the item, Return."""
        self.button(menu_button).click()
        self._activate_menu_item(item, f'the menu of {menu_button!r}')

    def context_menu(self, widget, item):
        """Opens the context menu of `widget` with a right click on it, and
        activates its `item` as menu_item() does."""
        widget.click(button=3)
        self._activate_menu_item(item, f'the context menu of {widget}')

    def _activate_menu_item(self, item, where):
        def items():
            found = [w for w in self.find_all('menu item') if w.name]
            return found if any(w.name == item for w in found) else None
        names = [w.name for w in wait_for(items, f'{where} to offer {item!r}')]

        def focused():
            return next((w.name for w in self.find_all('menu item') if 'focused' in w.states), None)
        # The first arrow key puts the focus on an item, if none has it yet.
        if focused() is None:
            key('Down')
            wait_for(focused, f'an item of {where} to have the focus')
        steps = names.index(item) - names.index(focused())
        for _ in range(abs(steps)):
            key('Down' if steps > 0 else 'Up')
        wait_for(lambda: focused() == item, f'{item!r} to have the focus')
        key('Return')

    def x_window(self):
        """The X window of this toplevel, and where the part AT-SPI
        describes starts in it (GTK draws a client-side border around it).
        With no window manager, every window is at 0,0: this one is found by
        its title and its size, which change a moment before or after what
        AT-SPI says, so it waits for them to agree."""
        def found():
            box, title = self.extents, self.name
            for wid, name, x, y, width, height in x_toplevels():
                border_x, border_y = width - box[2], height - box[3]
                if border_x < 0 or border_x != border_y or border_x % 2:
                    continue
                if title and name != title:
                    continue
                return (wid, x + border_x // 2, y + border_y // 2)
            return None
        return wait_for(found, f'the X window of {self}')

    def reachable(self, x, y):
        """Whether x, y of this window is on screen with no other window of
        the X server over it, as it would stop a person's click."""
        wid, origin_x, origin_y = self.x_window()
        sx, sy = origin_x + x, origin_y + y
        for other, name, wx, wy, width, height in x_toplevels():
            if not (wx <= sx < wx + width and wy <= sy < wy + height):
                continue
            if other == wid:
                return x_viewable(wid)
            if x_viewable(other):
                return False
        return False

    def pointer(self, x, y, *then, steady=lambda: True):
        """Moves the pointer to x, y of this window, then does `then` (more
        xdotool commands, such as 'click', '1') in the same connection to
        the X server, so in that order. Waits until this window is mapped
        and no other covers that point, as it would stop a person's click
        (a tooltip goes away by itself), and `steady()` holds."""
        wid, origin_x, origin_y = self.x_window()
        sx, sy = origin_x + x, origin_y + y
        wait_for(lambda: self.reachable(x, y) and steady(),
                 f'{self} to be mapped at {sx},{sy} with no other window over it')
        xdotool('mousemove', str(sx), str(sy), *then)

    def tab(self, title):
        """Shows a tab of a view switcher (the method editor's) by clicking it."""
        tab = self.find('page tab', title)
        tab.click()
        wait_for(lambda: 'selected' in tab.states, f'tab {title!r} to be selected')

    def choose(self, combo_name, option):
        """Picks an option of a combo box (GtkDropDown, AdwComboRow) as a
        person does with the keyboard: open it with a click, move with the
        arrow keys, Return. The popup's items cannot be clicked: GTK 4.8
        gives them coordinates with odd origins."""
        combo = self.find('combo box', combo_name)
        if self.combo_value(combo) == option:
            return combo
        combo.click()
        items, focused = wait_for(lambda: self._popup_items(combo), f'the popup of {combo} to open')
        names = [text for _, text in items]
        if option not in names:
            raise Failure(f'{combo} offers {names}, not {option!r}')
        steps = names.index(option) - focused
        for _ in range(abs(steps)):
            key('Down' if steps > 0 else 'Up')
        wait_for(lambda: self._focused_item(items) == names.index(option),
                 f'{option!r} to have the focus in {combo}')
        key('Return')
        wait_for(lambda: self.combo_value(combo) == option, f'{combo} to show {option!r}')
        return combo

    def _popup_items(self, combo):
        """The popup's items and their texts, and which has the focus, once
        it is open with an item focused; else None."""
        tree = snapshot(combo.ref, showing=False)
        popover = next((n for n in tree if n.role == 'filler' and n.name == 'GtkPopover'), None)
        if popover is None or 'visible' not in states_of(popover.ref):
            return None
        inside = [n for n in tree if n.order[:len(popover.order)] == popover.order]
        items = [(item.ref, ' '.join(text_of(n.ref) for n in inside if n.role == 'label' and
                                     n.order[:len(item.order)] == item.order))
                 for item in inside if item.role == 'list item']
        focused = self._focused_item(items)
        return None if focused is None else (items, focused)

    @staticmethod
    def _focused_item(items):
        for index, (ref, _) in enumerate(items):
            if 'focused' in states_of(ref):
                return index
        return None

    def wait_combo(self, combo_name, option):
        """Waits for a combo box to show `option`."""
        combo = self.find('combo box', combo_name)
        wait_for(lambda: self.combo_value(combo) == option,
                 lambda: f'{combo} to show {option!r} (it shows {self.combo_value(combo)!r})')

    def combo_value(self, combo):
        """The option a combo box shows, outside the popup: the label in
        the list that shows it (an AdwComboRow's, after its subtitle), else
        its first label that is not its title."""
        tree = snapshot(combo.ref, showing=False)
        popover = next((n.order for n in tree if n.role == 'filler' and n.name == 'GtkPopover'),
                       None)
        outside = [n for n in tree if popover is None or n.order[:len(popover)] != popover]
        shown = next((n.order for n in outside if n.role == 'list'), None)
        if shown is not None:
            outside = [n for n in outside if n.order[:len(shown)] == shown]
        texts = [text_of(n.ref) for n in outside if n.role == 'label']
        if texts and texts[0] == combo.name:
            texts = texts[1:]
        return texts[0] if texts else None

    def wait_gone(self):
        wait_for(lambda: self.ref not in self.app.window_refs(), f'{self} to go away')


def choose_file(chooser, path, save=False):
    """Types `path` in a file chooser, in the name of a Save chooser or the
    location of an Open one, and presses Return. The entry completes names
    as they are typed, so only the whole path is checked; its list of
    completions would take a click on Open or Save for itself. (An Open
    chooser starts on the current folder here, as the fresh HOME has no
    recent files: on them, GTK 4.8 opens the list's selection, not what
    was typed.)"""
    if save:
        entry = chooser.find('text', 'Name:')
        entry.click()
        key('ctrl+a', 'BackSpace')
    else:
        key('ctrl+l')
        entry = chooser.find('text', 'GtkFileChooserEntry')
    xdotool('type', '--clearmodifiers', '--delay', '0', '--', path)
    entry.wait_text(path)
    key('Return')
    chooser.wait_gone()


def consume_from_sidebar(window, app):
    """Right-click below the sidebar's rows, Consume REST API…, Add Single
    Method…: returns the dialog, which adds to a new API ("Right-click on
    the REST element and select Consume REST API", as the reference says)."""
    window.context_menu(window.sidebar(), 'Consume REST API…')
    dialog = add_single_method(app)
    dialog.wait_combo('Add to API', 'New API')
    return dialog


def add_single_method(app):
    """In the Consume REST API dialog (open), Add Single Method…: returns
    the dialog that opens."""
    app.dialog('Consume REST API').button('Add Single Method…').click()
    return app.dialog('Add Single Method')


def press_test(window, ended=lambda label: False):
    """Shows the Test tab of `window` (the main window or a dialog),
    presses Test, and returns what the call ended with: the response's
    status line ("200 OK · 35 ms · 151 bytes"; a panel shows one only once
    it has made a call), or the first label for which `ended` holds."""
    window.tab('Test')
    window.button('Test').click()
    return wait_for(lambda: [label for label in window.labels()
                             if STATUS_LINE.match(label) or ended(label)],
                    lambda: f'the call to end; the window shows {window.labels()}')[0]


def write_project(path, *apis):
    """Writes a project file at `path` holding `apis`: each a dict with a
    name, a base_url, an auth and a list of methods (each a name, verb and
    url), as the file has them but without IDs, which are made here."""
    project = {'format': 1, 'id': str(uuid.uuid4()), 'apis': [
        {'id': str(uuid.uuid4()), **api,
         'methods': [{'id': str(uuid.uuid4()), **method} for method in api.get('methods', [])]}
        for api in apis]}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(project, f)


def save_and_read(window, project):
    """Presses Ctrl+S, waits for the window's title to lose its “modified”
    mark, and returns the text of the project file, `project`."""
    key('ctrl+s')
    title = f'{os.path.basename(project)} – Restcall'
    wait_for(lambda: window.name == title,
             lambda: f'the title to lose its “modified” mark (it is {window.name!r})')
    with open(project, encoding='utf-8') as f:
        return f.read()


class App:
    """The restcall process, and its root in the accessibility tree."""

    running = []    # every wait fails at once when one of these has died

    def __init__(self, argv, env):
        self.output_file = tempfile.TemporaryFile(mode='w+')
        self.process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.output_file, stderr=subprocess.STDOUT)
        App.running.append(self)
        self.root = wait_for(self._find_root, 'restcall to show on the accessibility bus')

    def _find_root(self):
        """Its root object, once it has a window. It is looked for among the
        registry's applications, as a screen reader does: GTK 4.8 logs a
        critical when its root is asked anything before it has registered."""
        self.check_alive()
        for root in children_of(('org.a11y.atspi.Registry', ROOT_PATH)):
            if bus.bus_pid(root[0]) == self.process.pid:
                return root if children_of(root) else None
        return None

    def check_alive(self):
        status = self.process.poll()
        if status is not None:
            how = f' (signal {signal.Signals(-status).name})' if status < 0 else ''
            raise Failure(f'restcall exited with status {status}{how}; its output:\n'
                          f'{self.output()}')

    def output(self):
        self.output_file.seek(0)
        return self.output_file.read()

    def window_refs(self):
        self.check_alive()
        return children_of(self.root)

    def windows(self):
        return [Window(self, ref) for ref in self.window_refs()]

    def window(self, name, role=None):
        """Waits for a toplevel named `name` (a string or a compiled
        pattern), of `role` if given."""
        def found():
            for window in self.windows():
                title = window.name
                if (name.search(title) if isinstance(name, re.Pattern) else title == name) and \
                        (role is None or window.role == role):
                    return window
            return None
        return wait_for(found, f'a {role or "window"} named {name!r}')

    def dialog(self, name):
        """Waits for a dialog named `name`, as a screen reader announces it:
        its role is dialog and its name its title."""
        return self.window(name, role='dialog')

    def wait_exit(self):
        """Waits for the app to end, which must be with status 0."""
        App.running.remove(self)
        wait_for(lambda: self.process.poll() is not None, 'restcall to exit', apps_alive=False)
        if self.process.returncode != 0:
            raise Failure(f'restcall exited with status {self.process.returncode}; its output:\n'
                          f'{self.output()}')

    def kill(self):
        if self in App.running:
            App.running.remove(self)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class OAuthServer:
    """The suite's authorization server and protected API
    (tests/oauth-server): oidc-provider on Node, on free loopback ports, or
    with script='node-oauth-server.mjs' and package='@node-oauth/express-oauth-server'
    the second one, which compares Basic credentials unencoded. It exits
    when its stdin closes: with this process, whatever happens."""

    def __init__(self, script='server.mjs', package='oidc-provider'):
        folder = os.environ.get('OAUTH_SERVER_DIR')
        hint = 'Run build-aux/dev test, which installs Node.js and the server\'s npm packages.'
        if not folder:
            raise Skip('OAUTH_SERVER_DIR is not set: run this with meson test.')
        node = shutil.which('node')
        if node is None:
            raise Skip('Node.js (node) is not installed. ' + hint)
        if not os.path.isfile(os.path.join(folder, 'node_modules', *package.split('/'),
                                           'package.json')):
            raise Skip('The OAuth test server\'s npm packages are not installed. ' + hint)
        env = dict(os.environ)
        env.pop('OAUTH_SERVER_IGNORE_STDIN', None)
        self.process = subprocess.Popen([node, script], cwd=folder, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise Failure(f'The OAuth test server exited before it was ready '
                          f'(status {self.process.wait()}); its stderr is above.')
        self.ready = json.loads(line)
        self.token_url, self.api_url = self.ready['token_url'], self.ready['api_url']
        # Mutual TLS (server.mjs only): the same server over HTTPS, and the
        # test CA's files.
        self.mtls_token_url = self.ready.get('mtls_token_url')
        self.mtls_api_url = self.ready.get('mtls_api_url')
        self.client_cert, self.client_key = self.ready.get('client_cert'), self.ready.get('client_key')

    def stats(self):
        """What the protected API counted: its requests, the token requests."""
        with urllib.request.urlopen(self.api_url + '/_stats') as answer:
            return json.load(answer)

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


class ServerProject:
    """A context for run(): an authorization server (`server`, an
    OAuthServer), a project file of `apis` (as write_project() takes them)
    named `file_name` in the session's folder, and the app started on it,
    in its main window. close() stops the server."""

    def __init__(self, session, server, file_name, *apis, env_extra=None):
        self.server = server
        self.session = session
        self.project = session.path(file_name)
        write_project(self.project, *apis)
        self.app = session.start_app(self.project, env_extra=env_extra)
        self.window = self.app.window(re.compile(r' – Restcall$'))

    def close(self):
        self.server.stop()


class Session:
    """The accessibility bus on the session keyring-session.sh started, the
    apps started on it, and a folder for their files."""

    def __init__(self):
        global Gio, GLib, Atspi, bus
        for variable, why in (('DISPLAY', 'an X display'),
                              ('DBUS_SESSION_BUS_ADDRESS', 'a session bus'),
                              ('RC_KEYRING_SESSION', 'a throwaway keyring')):
            if not os.environ.get(variable):
                raise Skip(f'{variable} is not set: run this under tests/keyring-session.sh '
                           f'with RC_TEST_OWN_DISPLAY=1 (meson test does), for {why}.')
        self.restcall = os.environ.get('RESTCALL_BIN')
        if not self.restcall:
            raise Skip('RESTCALL_BIN is not set: run this with meson test.')
        for tool, package in (('xdotool', 'xdotool'), ('xwininfo', 'x11-utils')):
            if shutil.which(tool) is None:
                raise Skip(f'{tool} is not installed (Debian package {package}; '
                           'build-aux/dev test installs it).')
        launcher = next((path for path in ('/usr/libexec/at-spi-bus-launcher',
                                           '/usr/lib/at-spi2-core/at-spi-bus-launcher')
                         if os.access(path, os.X_OK)), None)
        if launcher is None:
            raise Skip('at-spi-bus-launcher is not installed (Debian package at-spi2-core).')
        try:
            import gi
            gi.require_version('Atspi', '2.0')
            from gi.repository import Atspi as atspi_module, Gio as gio_module, \
                GLib as glib_module
        except (ImportError, ValueError) as error:
            raise Skip(f'The AT-SPI typelib or PyGObject is missing ({error}): install '
                       'python3-pyatspi, and run this with the python3 it is for.')
        Gio, GLib, Atspi = gio_module, glib_module, atspi_module

        self.folder = tempfile.mkdtemp(prefix='restcall-e2e-')
        self.apps = []

        # The accessibility bus, started here with the display in its
        # environment (the session bus has none, so that no keyring prompt
        # can show); the registry starts on it when first asked for.
        session_bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        # Its output (and the registry's) goes to stderr: stdout is TAP.
        self.launcher = subprocess.Popen([launcher, '--launch-immediately', '--a11y=1'],
                                         stdin=subprocess.DEVNULL, stdout=sys.stderr)

        def launched():
            if self.launcher.poll() is not None:
                raise Failure(f'at-spi-bus-launcher exited ({self.launcher.returncode})')
            return session_bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                         'org.freedesktop.DBus', 'NameHasOwner',
                                         GLib.Variant('(s)', ('org.a11y.Bus',)), None,
                                         Gio.DBusCallFlags.NONE, -1, None).unpack()[0]

        wait_for(launched, 'the accessibility bus (org.a11y.Bus) to start')
        bus = A11yBus(session_bus)

    def start_app(self, *args, env_extra=None):
        env = dict(os.environ)
        env.update(env_extra or {})
        env.pop('GTK_A11Y', None)   # =test, the GUI unit tests', hides the app from AT-SPI
        env['GSK_RENDERER'] = 'cairo'
        env['GDK_BACKEND'] = 'x11'
        if APP_G_DEBUG:
            env['G_DEBUG'] = APP_G_DEBUG
        app = App([self.restcall, *args], env)
        self.apps.append(app)
        return app

    def path(self, name):
        return os.path.join(self.folder, name)

    def close(self):
        for app in self.apps:
            app.kill()
        self.launcher.terminate()
        self.launcher.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def run(steps, setup):
    """Runs `steps`, a list of (description, function(context)), as TAP.
    `setup(session)` makes the context the steps share, or raises Skip; the
    context's close(), if any, ends it."""
    started = time.monotonic()
    context = session = None
    try:
        session = Session()
        context = setup(session)
    except Skip as why:
        if session:
            session.close()
        print(f'1..0 # SKIP {why}', flush=True)
        sys.exit(77)
    except Exception:
        print('Bail out! The test session did not start', flush=True)
        diag(traceback.format_exc())
        if session:
            session.close()
        sys.exit(1)

    print(f'1..{len(steps)}', flush=True)
    failed = None
    for number, (description, step) in enumerate(steps, 1):
        if failed:
            print(f'not ok {number} - {description} # not run: step {failed} failed', flush=True)
            continue
        begun = time.monotonic()
        ACTIONS.append(f'{begun - STARTED:8.2f} step {number}')
        try:
            step(context)
        except Exception:
            failed = number
            print(f'not ok {number} - {description}', flush=True)
            diag(traceback.format_exc())
            for app in session.apps:
                if app.process.poll() is None:
                    for window in app.windows():
                        diag(f'What {window} shows:\n' + describe(window.ref))
                diag('restcall\'s output:\n' + app.output())
            diag(f'The X windows, top-most first: {x_toplevels()}')
            diag('The last inputs, in seconds since the start:\n' + '\n'.join(ACTIONS))
            continue
        print(f'ok {number} - {description} ({time.monotonic() - begun:.1f} s)', flush=True)

    if hasattr(context, 'close'):
        context.close()
    session.close()
    diag(f'{len(steps)} steps in {time.monotonic() - started:.1f} s')
    sys.exit(1 if failed else 0)
