# gui-bench.py: the window under big documents, big projects and big responses (issue 15)
#
# Drives the real `restcall` as tests/e2e does (tests/e2e/harness.py: the
# accessibility tree to find widgets, xdotool for real keys and clicks),
# with bench/stall-probe.c preloaded, and prints, for each scenario, the
# median of ROUNDS fresh processes beside its goal:
#
#   startup    time to the first frame, against bench-minimal-window's in
#              the same run (ratio; goal at most 1.3)
#   add        GitHub's 13 MB description imported (Ctrl+I, the path typed
#              in the file chooser), Select All, then Add: the longest stall
#              from the click on Add until the window is quiet
#   deref      the 73 MB dereferenced description imported: the longest
#              stall from Return in the file chooser until the list shows,
#              and the peak RSS against bench-openapi's parse-only floor
#   open       a project of every method of the 13 MB description (written
#              by `restcall import --into`) opened from the command line:
#              the longest stall once the loop runs
#   response   a 20 MB JSON response (bench-api-server's /big.json): on the
#              first Test, the time from the click to the first frame after
#              the shown text's last insert, the longest stall, the peak RSS;
#              on Test pressed again, the longest stall, the peak, and the
#              RSS once shown again and quiet against the RSS before the
#              first Test
#
# A stall is the main thread away from poll() (bench/stall-probe.c). The
# window is "quiet" when no stall and no large insert was seen for a second,
# at most 3 frames were painted in it (a spinner paints 60 a second, a
# blinking cursor 2), and a question over the accessibility bus is answered
# at once. Nothing waits for a time: every wait is for a condition, with a
# long deadline (harness.wait_for) that only turns a hang into a failure.
# Few questions go to the app while a figure is taken: a burst of them is
# work for its main thread, and would be counted as a stall.
#
# Peak RSS is VmHWM (/proc/PID/status), reset before each measured action by
# writing 5 to /proc/PID/clear_refs.
#
# Run by bench/run-gui-bench.sh, under tests/keyring-session.sh with
# RC_TEST_OWN_DISPLAY=1. Arguments: BUILD_DIR ROUNDS DOCS_DIR. Exits 1 when
# a goal is missed, 2 when a scenario could not run.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'e2e'))
import harness  # noqa: E402
from harness import Failure, key, wait_for  # noqa: E402

QUIET = 1.0          # seconds with no stall and no large insert
QUIET_FRAMES = 3     # frames allowed in that second (a blinking cursor)
PING_PROMPT = 0.1    # seconds: an answer slower than this is not "quiet"
STALL_GOAL_MS = 50

BUILD, ROUNDS, DOCS = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PROBE = os.path.join(BUILD, 'bench', 'libstall-probe.so')
MINIMAL = os.path.join(BUILD, 'bench', 'bench-minimal-window')
API_SERVER = os.path.join(BUILD, 'bench', 'bench-api-server')
BENCH_OPENAPI = os.path.join(BUILD, 'bench', 'bench-openapi')
GITHUB = os.path.join(DOCS, 'api.github.com.json')
GITHUB_DEREF = os.path.join(DOCS, 'api.github.com.deref.json')

# The time of the last input sent: the start of what it causes.
last_input = [0.0]
_xdotool = harness.xdotool


def xdotool(*args):
    last_input[0] = time.monotonic()
    _xdotool(*args)


harness.xdotool = xdotool


def log(text):
    print(text, file=sys.stderr, flush=True)


class Probe:
    """What bench/stall-probe.c wrote for one process."""

    def __init__(self, path):
        self.path = path

    def events(self):
        found = []
        try:
            with open(self.path, encoding='ascii') as file:
                for line in file:
                    if not line.endswith('\n'):
                        break   # being written
                    word, *rest = line.split()
                    if word in ('stall', 'init'):
                        found.append((word, int(rest[0]) / 1e6, int(rest[1]) / 1e6))
                    elif word == 'frame':
                        found.append((word, int(rest[0]) / 1e6))
                    elif word == 'insert':
                        found.append((word, int(rest[0]) / 1e6, int(rest[1]), rest[2]))
        except FileNotFoundError:
            pass
        return found

    def first_frame(self):
        return next((e[1] for e in self.events() if e[0] == 'frame'), None)

    def stalls(self, start, end=float('inf')):
        """Durations (s) of the stalls that began in [start, end)."""
        return [e[2] for e in self.events() if e[0] == 'stall' and start <= e[1] < end]

    def longest_stall(self, start, end=float('inf')):
        return max(self.stalls(start, end), default=0.0)

    def inserts(self, start):
        return [e for e in self.events() if e[0] == 'insert' and e[1] >= start]


class Bench:
    def __init__(self, session):
        self.session = session
        self.folder = session.folder

    def start(self, argv, name):
        """Starts argv with the probe, as harness's start_app starts restcall."""
        probe = Probe(os.path.join(self.folder, f'{name}-{uuid.uuid4().hex[:8]}.log'))
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        # Its own data folder: no recent files, which a file chooser would
        # open in place of the path typed (GTK 4.8), from an earlier round.
        data_home = os.path.join(self.folder, f'{name}-data-{uuid.uuid4().hex[:8]}')
        os.makedirs(data_home)
        env.update(GSK_RENDERER='cairo', GDK_BACKEND='x11', LD_PRELOAD=PROBE,
                   RC_STALL_PROBE_LOG=probe.path, XDG_DATA_HOME=data_home)
        started = time.monotonic()
        app = harness.App(argv, env)
        self.session.apps.append(app)
        app.probe, app.started = probe, started
        app.perf = None
        if os.environ.get('RC_GUI_BENCH_PERF'):
            # Samples the app with perf, on CLOCK_MONOTONIC as the probe's
            # times are: `perf report --time START,END` picks one stall.
            out = f"{os.environ['RC_GUI_BENCH_PERF']}-{name}-{uuid.uuid4().hex[:8]}"
            app.perf = subprocess.Popen(['perf', 'record', '-q', '-k', 'mono', '-F', '2999',
                                         '--call-graph', 'dwarf,16384', '-o', out,
                                         '-p', str(app.process.pid)])
            log(f'perf samples {name} into {out}')
        return app

    def restcall(self, *args):
        return self.start([self.session.restcall, *args], 'restcall')

    @staticmethod
    def stop(app):
        if app.perf is not None:
            app.perf.send_signal(signal.SIGINT)
            app.perf.wait()
            stalls = [f'{e[1]:.6f},{e[1] + e[2]:.6f}' for e in app.probe.events()
                      if e[0] == 'stall' and e[2] >= 0.03]
            log(f'stalls (perf report --time): {" ".join(stalls)}')
        app.kill()


def ping(app):
    """Asks the app's root a question, answered by its main thread: how
    long it took, in seconds."""
    begun = time.monotonic()
    harness.bus.ask(app.root, harness.ACCESSIBLE, 'GetRole')
    return time.monotonic() - begun


def settle(app, since, condition=lambda: True, what='the window to be quiet'):
    """Waits until `condition` holds and the app is quiet (see above),
    counting only what happened after `since`; returns when it was."""
    def quiet():
        if not condition() or ping(app) > PING_PROMPT:
            return None
        now = time.monotonic()
        window_start = max(since, now - QUIET)
        if now - since < QUIET:
            return None
        busy = frames = 0
        for event in app.probe.events():
            if event[0] == 'stall' and event[1] + event[2] >= window_start:
                busy += 1
            elif event[0] == 'insert' and event[1] >= window_start:
                busy += 1
            elif event[0] == 'frame' and event[1] >= window_start:
                frames += 1
        return now if busy == 0 and frames <= QUIET_FRAMES else None
    return wait_for(quiet, what, deadline=300)


def status_kb(pid, field):
    with open(f'/proc/{pid}/status', encoding='ascii') as file:
        for line in file:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    raise Failure(f'No {field} in /proc/{pid}/status')


def reset_peak(app):
    with open(f'/proc/{app.process.pid}/clear_refs', 'w', encoding='ascii') as file:
        file.write('5')


def peak_mb(app):
    return status_kb(app.process.pid, 'VmHWM') / 1024


def rss_mb(app):
    return status_kb(app.process.pid, 'VmRSS') / 1024


# The scenarios: each runs in fresh processes and returns its figures.

def startup(bench):
    figures = {}
    for name, argv in (('minimal', [MINIMAL]), ('restcall', [bench.session.restcall])):
        app = bench.start(argv, name)
        frame = wait_for(app.probe.first_frame, f'{name} to paint its first frame')
        figures[name] = frame - app.started
        bench.stop(app)
    figures['ratio'] = figures['restcall'] / figures['minimal']
    return figures


def open_import_dialog(app, document):
    """Ctrl+I, Choose a File…, the path typed: returns the dialog, and the
    time Return was pressed in the file chooser."""
    app.window(re.compile(r' – Restcall$'))
    key('ctrl+i')
    dialog = app.dialog('Add Methods from OpenAPI')
    dialog.button('Choose a File…').click()
    chooser = app.window('Choose an OpenAPI Document')
    key('ctrl+l')
    entry = chooser.find('text', 'GtkFileChooserEntry')
    xdotool('type', '--clearmodifiers', '--delay', '0', '--', document)
    entry.wait_text(document)
    reset_peak(app)
    key('Return')
    return dialog, last_input[0]


def operations_shown(app, dialog, since):
    """Waits for the operations page: quiet, then its Select All button
    there. Returns when the window was quiet."""
    end = time.monotonic() + 300
    while True:
        quiet_at = settle(app, since, what='the operations to show')
        if dialog.find_all('push button', 'Select All'):
            return quiet_at
        if time.monotonic() > end:
            raise Failure(f'The operations did not show; the dialog shows:\n'
                          f'{harness.describe(dialog.ref)}')
        since = time.monotonic()


def add(bench):
    app = bench.restcall()
    dialog, returned = open_import_dialog(app, GITHUB)
    operations_shown(app, dialog, returned)
    dialog.button('Select All').click()
    dialog.find('label', re.compile(r'\b(\d[\d,]*) of \1\b'))
    settle(app, last_input[0])
    reset_peak(app)
    dialog.button('Add').click()
    clicked = last_input[0]
    end = settle(app, clicked, lambda: dialog.ref not in app.window_refs(),
                 'the dialog to close and the window to be quiet')
    figures = {'stall': app.probe.longest_stall(clicked, end), 'peak': peak_mb(app)}
    bench.stop(app)
    return figures


def deref(bench):
    app = bench.restcall()
    before = rss_mb(app)
    dialog, returned = open_import_dialog(app, GITHUB_DEREF)
    end = operations_shown(app, dialog, returned)
    figures = {'stall': app.probe.longest_stall(returned, end), 'peak': peak_mb(app),
               'before': before}
    bench.stop(app)
    floor = subprocess.run([BENCH_OPENAPI, 'parse', GITHUB_DEREF, '1'], check=True,
                           capture_output=True, text=True).stdout
    figures['floor'] = int(re.search(r'maxrss_kb=(\d+)', floor).group(1)) / 1024
    return figures


def github_project(bench):
    path = os.path.join(bench.folder, 'github.restcall')
    if not os.path.exists(path):
        subprocess.run([bench.session.restcall, 'import', GITHUB, '--into', path], check=True,
                       capture_output=True)
    return path


def open_project(bench):
    path = github_project(bench)
    app = bench.restcall(path)
    app.window('github.restcall – Restcall')
    end = settle(app, app.started)
    figures = {'stall': app.probe.longest_stall(app.started, end),
               'frame': app.probe.first_frame() - app.started, 'peak': peak_mb(app)}
    bench.stop(app)
    return figures


def response_project(bench, base_url):
    path = os.path.join(bench.folder, 'big.restcall')
    project = {'format': 1, 'id': str(uuid.uuid4()), 'apis': [{
        'id': str(uuid.uuid4()), 'name': 'Bench', 'base_url': base_url,
        'auth': {'type': 'none'},
        'methods': [{'id': str(uuid.uuid4()), 'name': 'getBig', 'verb': 'GET',
                     'url': '/big.json'}]}]}
    with open(path, 'w', encoding='utf-8') as file:
        json.dump(project, file)
    return path


def shown(app, since):
    """The time of the first frame after the last large insert since
    `since` into the buffer that got the most, and that buffer's bytes."""
    inserts = app.probe.inserts(since)
    totals = {}
    for _, _, length, buffer in inserts:
        totals[buffer] = totals.get(buffer, 0) + length
    buffer = max(totals, key=totals.get)
    last = max(e[1] for e in inserts if e[3] == buffer)
    frame = next((e[1] for e in app.probe.events() if e[0] == 'frame' and e[1] >= last), None)
    return frame, totals[buffer]


def test_once(app, window):
    reset_peak(app)
    window.button('Test').click()
    clicked = last_input[0]
    end = settle(app, clicked, lambda: app.probe.inserts(clicked) and shown(app, clicked)[0],
                 'the response to show and the window to be quiet')
    frame, size = shown(app, clicked)
    status = [label for label in window.labels() if re.match(r'\d{3} .* · ', label)]
    if not status or not status[0].startswith('200 '):
        raise Failure(f'Test ended with {status or window.labels()}')
    return {'shown': frame - clicked, 'size': size / 1e6,
            'stall': app.probe.longest_stall(clicked, end), 'peak': peak_mb(app)}


def response(bench):
    server = subprocess.Popen([API_SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        base_url = json.loads(server.stdout.readline())['base_url']
        app = bench.restcall(response_project(bench, base_url))
        window = app.window('big.restcall – Restcall')
        window.find('list', 'Integrations › REST').find('label', 'getBig').click()
        window.tab('Test')
        settle(app, last_input[0])
        before = rss_mb(app)
        first = test_once(app, window)
        again = test_once(app, window)
        after = rss_mb(app)
        log('after: ' + ', '.join(f"{field} {status_kb(app.process.pid, field) / 1024:.1f} MB"
                                  for field in ('RssAnon', 'RssFile', 'RssShmem')))
        bench.stop(app)
    finally:
        server.stdin.close()
        server.wait()
    return {'first_shown': first['shown'], 'first_stall': first['stall'],
            'first_peak': first['peak'], 'size': first['size'],
            'again_stall': again['stall'], 'again_peak': again['peak'],
            'before': before, 'after': after, 'held': after - before}


SCENARIOS = [('startup', startup), ('add', add), ('deref', deref), ('open', open_project),
             ('response', response)]


def median(rounds, name):
    return statistics.median(r[name] for r in rounds)


def report(results):
    """Prints each figure beside its goal; returns whether all were met."""
    met = True

    def line(text, ok=None):
        nonlocal met
        mark = '' if ok is None else ('  ok' if ok else '  MISSED')
        met = met and ok is not False
        print(f'  {text}{mark}', flush=True)

    ms = 1000
    if 'startup' in results:
        r = results['startup']
        print('start-up to first frame (restcall, no file):')
        line(f'{median(r, "restcall"):.2f} s vs the minimal window\'s {median(r, "minimal"):.2f} s: '
             f'{median(r, "ratio"):.2f}× (goal ≤ 1.3×)', median(r, 'ratio') <= 1.3)
    if 'add' in results:
        r = results['add']
        print('import GitHub\'s 13 MB description, then Add (every operation):')
        line(f'longest stall {median(r, "stall") * ms:.0f} ms (goal ≤ {STALL_GOAL_MS} ms)',
             median(r, 'stall') * ms <= STALL_GOAL_MS)
        line(f'peak RSS {median(r, "peak"):.0f} MB')
    if 'deref' in results:
        r = results['deref']
        print('import the 73 MB dereferenced description (until its operations show):')
        line(f'longest stall {median(r, "stall") * ms:.0f} ms (goal ≤ {STALL_GOAL_MS} ms)',
             median(r, 'stall') * ms <= STALL_GOAL_MS)
        line(f'peak RSS {median(r, "peak"):.0f} MB vs the parse-only floor '
             f'{median(r, "floor"):.0f} MB: {median(r, "peak") / median(r, "floor"):.2f}× '
             f'(goal ≤ 2×; {median(r, "before"):.0f} MB before the import)',
             median(r, 'peak') <= 2 * median(r, 'floor'))
    if 'open' in results:
        r = results['open']
        print('open a project of every method of the 13 MB description from the command line:')
        line(f'longest stall {median(r, "stall") * ms:.0f} ms (goal ≤ {STALL_GOAL_MS} ms)',
             median(r, 'stall') * ms <= STALL_GOAL_MS)
        line(f'first frame {median(r, "frame"):.2f} s after the start; peak RSS {median(r, "peak"):.0f} MB')
    if 'response' in results:
        r = results['response']
        print(f'a 20 MB JSON response, first Test ({median(r, "size"):.2f} MB shown):')
        line(f'shown in {median(r, "first_shown"):.2f} s (goal ≤ 0.5 s)',
             median(r, 'first_shown') <= 0.5)
        line(f'longest stall {median(r, "first_stall") * ms:.0f} ms (goal ≤ {STALL_GOAL_MS} ms)',
             median(r, 'first_stall') * ms <= STALL_GOAL_MS)
        line(f'peak RSS {median(r, "first_peak"):.0f} MB (goal ≤ 150 MB)',
             median(r, 'first_peak') <= 150)
        print('the same response, Test pressed again:')
        line(f'longest stall {median(r, "again_stall") * ms:.0f} ms (goal ≤ {STALL_GOAL_MS} ms)',
             median(r, 'again_stall') * ms <= STALL_GOAL_MS)
        # The issue sets no peak for the second press: two bodies and two
        # views' texts meet for a moment (the one shown, the one coming).
        line(f'peak RSS {median(r, "again_peak"):.0f} MB (no goal)')
        line(f'RSS once shown again {median(r, "after"):.0f} MB vs {median(r, "before"):.0f} MB '
             f'before the first Test: {median(r, "held"):+.0f} MB held '
             f'(goal: back near the start, ≤ +50 MB)', median(r, 'held') <= 50)
    return met


def main():
    wanted = os.environ.get('RC_GUI_BENCH_ONLY', '').split(',') if \
        os.environ.get('RC_GUI_BENCH_ONLY') else [name for name, _ in SCENARIOS]
    try:
        session = harness.Session()
    except harness.Skip as why:
        print(f'Cannot run: {why}', file=sys.stderr)
        return 2
    bench = Bench(session)
    results, failed = {}, False
    try:
        for name, scenario in SCENARIOS:
            if name not in wanted:
                continue
            for round_number in range(1, ROUNDS + 1):
                try:
                    figures = scenario(bench)
                except Exception as error:
                    log(f'{name}, round {round_number}: did not run: {error}')
                    for app in session.apps:
                        if app.process.poll() is None:
                            for window in app.windows():
                                log(f'What {window} shows:\n' + harness.describe(window.ref))
                            log('Its output:\n' + app.output())
                        app.kill()
                    log('The last inputs, in seconds since the start:\n' +
                        '\n'.join(harness.ACTIONS))
                    failed = True
                    break
                log(f'{name}, round {round_number}: ' +
                    ', '.join(f'{k} {v:.3f}' for k, v in figures.items()))
                results.setdefault(name, []).append(figures)
    finally:
        session.close()
    print(f'Medians of {ROUNDS} rounds, each a fresh process:')
    met = report(results)
    if failed:
        return 2
    return 0 if met else 1


if __name__ == '__main__':
    sys.exit(main())
