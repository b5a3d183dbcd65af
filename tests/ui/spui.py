# SPDX-License-Identifier: GPL-3.0-or-later
"""spui — drives the built Spinodal window from outside, as a user would.

Each test gets a private X server (Xvfb), D-Bus session and accessibility
bus, so tests can run side by side and leave nothing behind.  The app
starts with a fresh HOME, the build tree's settings schema and the memory
settings backend; its stderr is captured, and any GLib/GTK warning or
critical in it fails the test.  Controls are found through AT-SPI (role
and name), and driven with real pointer and key events (XTest, through
xdotool).  Nothing waits a fixed long time: every wait polls a condition
with a timeout.

It talks to AT-SPI through pyatspi, the library dogtail wraps: dogtail's
searches add fixed delays between retries, and these tests poll their own
conditions instead.  One session per process (libatspi binds to the
first accessibility bus it meets).
"""
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# python3-pyatspi lives in the system Python: run there when another
# python3 (a virtualenv, pyenv) comes first on PATH.
try:
    import gi  # noqa: F401
    gi.require_version('Atspi', '2.0')
except (ImportError, ValueError):
    if sys.executable != '/usr/bin/python3' and os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3', *sys.argv])
    print('python3-pyatspi is not installed (tools/setup.sh installs it)', flush=True)
    sys.exit(77)

from gi.repository import GLib  # noqa: E402

SKIP = 77          # meson's exit status for a skipped test

# A GLib/GTK log line at WARNING or CRITICAL level (or worse):
# "(spinodal:123): Gtk-WARNING **: 12:00:00.000: …", "** (spinodal:1): CRITICAL **: …"
LOG_PROBLEM = re.compile(r'(WARNING|CRITICAL|ERROR) \*\*')
# GTK 4.8's AT-SPI bridge, alive only because these tests turn it on,
# sometimes refers to a dialog's accessible before that has a D-Bus path
# and GLib complains about the NULL object path.  Spinodal itself builds
# no object path but a constant one (sp-export-launch.c), so these two
# lines, together and only these, are GTK's noise, not the app's.
GTK_A11Y_NOISE = (
    "g_variant_is_object_path: assertion 'string != NULL' failed",
    "g_variant_new_object_path: assertion 'g_variant_is_object_path (object_path)' failed",
)


class Failure(Exception):
    """A failed expectation: the test reports it and exits 1."""


def log(*args):
    print(*args, flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_until(predicate, timeout, interval=0.05, what=None):
    """Polls @predicate until it returns something true; its value, or
    raises Failure (with @what) after @timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Failure:
            raise
        except Exception:      # an accessible that went away mid-read
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            if what is None:
                return None
            raise Failure(f'timed out after {timeout:g} s waiting for {what}')
        time.sleep(interval)


def build_dir():
    path = os.environ.get('SPINODAL_BUILD_DIR')
    if path:
        return os.path.abspath(path)
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(os.path.dirname(here)), '_build')


# ---- the private desktop session ------------------------------------------------

class Session:
    """An X server of @width × @height, a D-Bus session bus and the
    accessibility bus, all ended (by pid) by close()."""

    def __init__(self, width=1280, height=720):
        for tool in ('Xvfb', 'dbus-daemon', 'xdotool'):
            if shutil.which(tool) is None:
                log(f'{tool} is not installed (tools/setup.sh installs it)')
                sys.exit(SKIP)
        self.launcher_path = next((p for p in ('/usr/libexec/at-spi-bus-launcher',
                                               '/usr/lib/at-spi2-core/at-spi-bus-launcher')
                                   if os.path.exists(p)), None)
        if self.launcher_path is None:
            log('at-spi-bus-launcher is not installed (package at-spi2-core)')
            sys.exit(SKIP)
        self.width, self.height = width, height
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix='spui-session-')
        try:
            self._start()
        except BaseException:
            self.close()
            raise

    def _start(self):
        # Xvfb picks a free display and tells it on a pipe: no race
        # between tests that start at once.
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-nolisten', 'tcp',
                                 '-screen', '0', f'{self.width}x{self.height}x24'],
                                pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        self.procs.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise Failure('Xvfb did not start')
        os.environ['DISPLAY'] = ':' + number

        dbus = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1',
                                 f'--address=unix:dir={self.tmp}'],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                preexec_fn=_die_with_parent)
        self.procs.append(dbus)
        address = dbus.stdout.readline().strip()
        if not address:
            raise Failure('dbus-daemon did not start')
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = address
        for name in ('AT_SPI_BUS_ADDRESS', 'NO_AT_BRIDGE', 'GTK_A11Y'):
            os.environ.pop(name, None)

        launcher = subprocess.Popen([self.launcher_path, '--launch-immediately'],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    preexec_fn=_die_with_parent)
        self.procs.append(launcher)
        wait_until(lambda: subprocess.run(
            ['dbus-send', '--session', '--print-reply', '--dest=org.a11y.Bus',
             '/org/a11y/bus', 'org.a11y.Bus.GetAddress'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0,
            10, 0.1, 'the accessibility bus')
        # dogtail and Orca read this; GTK 4 exposes its tree regardless.
        subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface',
                        'toolkit-accessibility', 'true'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Only now: pyatspi finds the bus from the environment set above.
        global pyatspi
        import pyatspi  # noqa: F401  (python3-pyatspi)
        # The registry answers (it lists the desktop's applications).
        wait_until(lambda: pyatspi.Registry.getDesktop(0).childCount >= 0, 10, 0.1,
                   'the accessibility registry')

    def close(self):
        for proc in reversed(self.procs):
            end_process(proc)
        self.procs = []
        shutil.rmtree(self.tmp, ignore_errors=True)


_LIBC = ctypes.CDLL(None)
PR_SET_PDEATHSIG = 1


def _die_with_parent():
    """In a child, before exec: the kernel kills it if this test dies
    (a timeout's SIGKILL included), so nothing is left running.  (libc is
    loaded beforehand: the child only makes the call.)"""
    _LIBC.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))


def end_process(proc, grace=3.0):
    """Ends @proc by its pid: SIGTERM, then SIGKILL after @grace seconds."""
    if proc.poll() is not None:
        return
    try:
        proc.send_signal(signal.SIGTERM)
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    except ProcessLookupError:
        pass


# ---- input (XTest through xdotool) ----------------------------------------------

def xdotool(*args):
    subprocess.run(['xdotool', *map(str, args)], check=True)


def key(*combos):
    """Presses key combinations in xdotool's spelling: 'ctrl+space', 'F5'."""
    xdotool('key', '--delay', 30, *combos)


def type_text(text):
    xdotool('type', '--delay', 15, text)


def move(x, y):
    xdotool('mousemove', int(round(x)), int(round(y)))


def click_at(x, y, button=1):
    move(x, y)
    xdotool('click', button)


def press(x, y):
    move(x, y)
    xdotool('mousedown', 1)


def release():
    xdotool('mouseup', 1)


def scroll(x, y, down, clicks=1):
    move(x, y)
    xdotool('click', '--repeat', clicks, '--delay', 20, 5 if down else 4)


# ---- the accessible tree ----------------------------------------------------------

def role(acc):
    return acc.getRoleName()


def name(acc):
    return acc.name or ''


def states(acc):
    return acc.getState()


def showing(acc):
    """Whether @acc is on screen.  GTK 4.8 sets STATE_SHOWING on windows
    only; a widget that is not drawn (an unrevealed revealer's child, a
    hidden stack page, a collapsed expander row) has no area."""
    try:
        if not states(acc).contains(pyatspi.STATE_VISIBLE):
            return False
        if role(acc) in ('frame', 'dialog', 'file chooser', 'window', 'alert'):
            return states(acc).contains(pyatspi.STATE_SHOWING)
        x, y, w, h = extents(acc)
        # Folded away (a flap slid out of the window) counts as hidden.
        return w > 0 and h > 0 and overlap((x, y, w, h), (ORIGIN[0], ORIGIN[1], *WINDOW_SIZE))
    except Exception:
        return False


# Where the window's (0, 0) is on the screen (App sets it).
ORIGIN = [0, 0]
WINDOW_SIZE = [1 << 15, 1 << 15]


def extents(acc):
    """(x, y, width, height) on the screen.  GTK 4 reports positions in
    its window only; without a window manager the window sits at the
    screen's 0, 0, its content inset by GTK's resize border (ORIGIN)."""
    # D-Bus gives up on a reply after 25 s: on a machine loaded far beyond
    # its cores (two UI tests beside each other, each app's accessibility
    # events queued on its bus) the app can be that late without being
    # stuck.  Two more tries tell a late answer from a hung main loop; each
    # miss logs what the app's main thread is doing, for the record.
    for attempt in range(3):
        try:
            box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            break
        except GLib.GError as e:
            if attempt == 2:
                raise
            log(f'  (AT-SPI: {e.message.split(".")[0]}; asking again; {_app_main_thread()})')
    return box.x + ORIGIN[0], box.y + ORIGIN[1], box.width, box.height


# The pid of the app under test (App sets it), for _app_main_thread().
APP_PID = [None]


def _app_main_thread():
    """The app's main thread as the kernel sees it: its state, where it
    sleeps and its CPU time so far."""
    pid = APP_PID[0]
    if pid is None:
        return 'no app'
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        with open(f'/proc/{pid}/wchan') as f:
            wchan = f.read().strip() or '-'
        ticks = os.sysconf('SC_CLK_TCK')
        return (f'app main thread {fields[0]} in {wchan}, '
                f'{(int(fields[11]) + int(fields[12])) / ticks:.1f} s CPU')
    except OSError as e:
        return f'app {pid}: {e.strerror}'



def center(acc):
    x, y, w, h = extents(acc)
    return x + w / 2, y + h / 2


def walk(acc, depth=0, skip=()):
    """Every accessible under @acc (itself first), depth first, not below
    those whose role is in @skip."""
    yield acc
    try:
        if depth > 0 and role(acc) in skip:
            return
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1, skip)


# A file chooser's lists: their rows come and go while a folder loads, and
# GTK 4.8's AT-SPI bridge answers a question about a row it has not yet
# given a D-Bus path with a NULL path: a GLib critical, or a crash in
# g_variant_builder_add_value (seen in about one run in five under load).
# The chooser's text fields are never inside them: searches skip them.
CHOOSER_LISTS = ('table', 'tree table', 'table row', 'table cell', 'list', 'list box',
                 'list item', 'tree', 'tree item')


def value(acc):
    return acc.queryValue().currentValue


def value_range(acc):
    v = acc.queryValue()
    return v.minimumValue, v.maximumValue


def overlap(a, b):
    """Whether two (x, y, w, h) rectangles share any area."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


# ---- the app ------------------------------------------------------------------------

class App:
    """The built spinodal, started in @session, found on the accessibility
    bus by its pid.  close() ends it by pid."""

    def __init__(self, session, args=(), env=None, timeout=60):
        build = build_dir()
        self.binary = os.path.join(build, 'src', 'app', 'spinodal')
        if not os.access(self.binary, os.X_OK):
            raise Failure(f'{self.binary} is not built')
        self.session = session
        self.home = tempfile.mkdtemp(prefix='spui-home-')
        self.stderr_path = os.path.join(self.home, 'stderr.log')
        environment = {k: v for k, v in os.environ.items()
                       if k not in ('NO_AT_BRIDGE', 'GTK_A11Y', 'G_DEBUG', 'LANGUAGE',
                                    'LC_ALL', 'LC_MESSAGES', 'LANG', 'XDG_CONFIG_HOME',
                                    'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME')}
        environment.update({
            'HOME': self.home,
            'XDG_CONFIG_HOME': os.path.join(self.home, '.config'),
            'XDG_DATA_HOME': os.path.join(self.home, '.local', 'share'),
            'XDG_CACHE_HOME': os.path.join(self.home, '.cache'),
            'XDG_STATE_HOME': os.path.join(self.home, '.local', 'state'),
            'GSETTINGS_SCHEMA_DIR': os.path.join(build, 'data'),
            'GSETTINGS_BACKEND': 'memory',
            'GSK_RENDERER': 'cairo',
            'LC_ALL': 'C.UTF-8',
            'SPINODAL_LOCALEDIR': os.path.join(build, 'po'),
        })
        environment.update(env or {})
        self.stderr = open(self.stderr_path, 'w+')
        self.proc = subprocess.Popen([self.binary, *args], env=environment,
                                     stdout=self.stderr, stderr=subprocess.STDOUT,
                                     cwd=self.home, preexec_fn=_die_with_parent)
        APP_PID[0] = self.proc.pid
        self.root = wait_until(self._find, timeout, 0.1, 'spinodal on the accessibility bus')
        self.window = wait_until(lambda: next((c for c in self.children()
                                               if role(c) == 'frame' and showing(c)), None),
                                 timeout, 0.1, 'the main window')
        self._locate_window()
        # The first frames: the plots and the simulation read-outs are there.
        wait_until(lambda: self.sim_time() is not None, timeout, 0.1, 'the t read-out')

    def _locate_window(self):
        """The X window's size against the frame's: GTK insets its content
        by the same border on each side."""
        ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                             capture_output=True, text=True).stdout.split()
        box = self.window.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        for wid in ids:
            geometry = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', wid],
                                      capture_output=True, text=True).stdout
            values = dict(line.split('=', 1) for line in geometry.split() if '=' in line)
            width, height = int(values.get('WIDTH', 0)), int(values.get('HEIGHT', 0))
            if width >= box.width and height >= box.height and width > 100:
                ORIGIN[0] = int(values['X']) + (width - box.width) // 2
                ORIGIN[1] = int(values['Y']) + (height - box.height) // 2
                self.xwindow = wid
                self.size = (width, height)
                WINDOW_SIZE[:] = [box.width, box.height]
                return
        raise Failure('the main window is not on the X server')

    def _find(self):
        desktop = pyatspi.Registry.getDesktop(0)
        # Ask the registry again rather than trust a cached child list.
        try:
            desktop.clear_cache()
        except Exception:
            pass
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            try:
                if child is not None and child.get_process_id() == self.proc.pid:
                    return child
            except Exception:
                continue
        check(self.proc.poll() is None,
              f'spinodal exited ({self.proc.returncode}) before its window showed:\n'
              + self.stderr_text())
        return None

    def children(self):
        return [self.root.getChildAtIndex(i) for i in range(self.root.childCount)]

    # -- life --
    def alive(self):
        return self.proc.poll() is None

    def check_alive(self, doing=''):
        check(self.alive(), f'spinodal died ({self.proc.returncode}) {doing}\n'
              + self.stderr_text())

    def stderr_text(self):
        self.stderr.flush()
        with open(self.stderr_path, encoding='utf-8', errors='replace') as f:
            return f.read()

    def log_problems(self):
        return [line for line in self.stderr_text().splitlines()
                if LOG_PROBLEM.search(line) and not line.endswith(GTK_A11Y_NOISE)]

    def check_stderr_clean(self):
        problems = self.log_problems()
        check(not problems, 'GLib/GTK warnings or criticals on stderr:\n  '
              + '\n  '.join(problems[:20]))

    def close(self):
        end_process(self.proc)
        self.stderr.close()
        shutil.rmtree(self.home, ignore_errors=True)

    # -- finding controls --
    def all(self, roles=None, prefix=None, visible=False, under=None):
        """Every accessible whose role is in @roles and whose name starts
        with @prefix (case-insensitive), optionally only those showing
        (then hidden subtrees, such as the other stack page, are skipped)."""
        if isinstance(roles, str):
            roles = (roles,)
        found = []
        stack = [under or self.root]
        while stack:
            acc = stack.pop()
            try:
                if visible and acc is not self.root and not showing(acc):
                    continue
                if (not roles or role(acc) in roles) and \
                        (prefix is None or name(acc).lower().startswith(prefix.lower())):
                    found.append(acc)
                stack.extend(reversed([acc.getChildAtIndex(i) for i in range(acc.childCount)]))
            except Exception:
                continue
        return found

    def find(self, roles, prefix, visible=True, timeout=5):
        """The first control of @roles named @prefix…; waits for it."""
        what = f'a {"/".join([roles] if isinstance(roles, str) else roles)} named "{prefix}…"'
        return wait_until(lambda: next(iter(self.all(roles, prefix, visible)), None),
                          timeout, 0.1, what)

    def labels(self, visible=True):
        return [name(a) for a in self.all('label', visible=visible)]

    def title(self):
        """The window's title as X has it (_NET_WM_NAME, set by GTK
        directly): an AT-SPI name can stay stale when GTK 4.8's bridge drops
        a name-changed event (see GTK_A11Y_NOISE)."""
        got = subprocess.run(['xdotool', 'getwindowname', self.xwindow],
                             capture_output=True, text=True)
        if got.returncode == 0:
            return got.stdout.rstrip('\n')
        return name(self.window)

    def x_windows(self):
        """The ids of the app's X windows on screen."""
        return set(subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid',
                                   str(self.proc.pid)],
                                  capture_output=True, text=True).stdout.split())

    def popup_windows(self, min_size=150):
        """The app's other X windows on screen of at least @min_size px a
        side: dialogs, menus and popovers (GTK 4.8 exposes no popover on
        AT-SPI; the emoji chooser is one), not tooltips."""
        found = []
        ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                             capture_output=True, text=True).stdout.split()
        for wid in ids:
            if wid == self.xwindow:
                continue
            geometry = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', wid],
                                      capture_output=True, text=True).stdout
            values = dict(line.split('=', 1) for line in geometry.split() if '=' in line)
            w, h = int(values.get('WIDTH', 0)), int(values.get('HEIGHT', 0))
            if w >= min_size and h >= min_size:
                found.append(f'a {w}×{h} window')
        return found

    def windows(self):
        """The names and roles of the app's showing top-level windows."""
        return [(role(c), name(c)) for c in self.children() if showing(c)]

    # -- the simulation --
    def sim_time(self):
        """The t read-out in seconds, or None while it is not shown."""
        label = getattr(self, '_t_label', None)
        if label is not None:
            m = re.match(r'^t = (.+) s$', name(label))
            if m:
                return parse_readout(m.group(1))
        for acc in self.all('label'):
            m = re.match(r'^t = (.+) s$', name(acc))
            if m:
                self._t_label = acc
                return parse_readout(m.group(1))
        return None

    def sim_readouts(self):
        """All the simulation read-outs (t, c̄, F, L, λ) as one text: any
        time step changes it, even when t's three digits do not."""
        if self.sim_time() is None:
            return ''
        parent = self._t_label.parent
        return '   '.join(name(parent.getChildAtIndex(i)) for i in range(parent.childCount)
                          if role(parent.getChildAtIndex(i)) == 'label')

    def play_button(self):
        """The run/pause button: the toggle button of the simulation bar
        (found by role and place, not by its name, which these tests check)."""
        cached = getattr(self, '_play_button', None)
        if cached is not None:
            return cached
        for acc in self.all(('toggle button', 'push button')):
            tip = name(acc).lower()
            if tip.startswith(('run', 'pause', 'play', 'resume', 'start')):
                self._play_button = acc
                return acc
        # Under another name: the first button of the box that holds Step.
        for step in self.all(('push button', 'toggle button'), 'Step'):
            parent = step.parent
            first = parent.getChildAtIndex(0)
            if first is not None and role(first) in ('push button', 'toggle button') \
                    and first != step:
                self._play_button = first
                return first
        raise Failure('no run/pause button')

    def advancing(self, within=3.0):
        """Whether the simulation moves on within @within seconds: any of
        its read-outs changes (t alone shows three digits, which at
        t ≈ 10⁴ s and a small time step can stand still for seconds)."""
        before = self.sim_readouts()
        return bool(wait_until(lambda: self.sim_readouts() != before, within, 0.1))

    def play_state_problem(self, running):
        """None when the run/pause button tells that the simulation runs
        (@running) or is paused — by its name ("Pause" while running, "Run"
        while paused) or by its pressed state under a neutral name — else
        what is wrong."""
        button = self.play_button()
        text = name(button).lower()
        pressed = states(button).contains(pyatspi.STATE_PRESSED) or \
            states(button).contains(pyatspi.STATE_CHECKED)
        says_pause = text.startswith('pause')
        says_run = text.startswith(('run', 'play', 'resume', 'start', 'continue'))
        how = 'pressed' if pressed else 'not pressed'
        if running and not (says_pause or (pressed and not says_run)):
            return f'the simulation runs but its button is named "{name(button)}" ({how})'
        if not running and not (says_run or (not pressed and not says_pause)):
            return f'the simulation is paused but its button is named "{name(button)}" ({how})'
        return None

    def set_running(self, want, clicks=3):
        """Clicks the run/pause button until the simulation runs (@want)
        or is paused; returns how many clicks that took."""
        for n in range(1, clicks + 1):
            self.click(self.play_button())
            if want:
                if wait_until(lambda: self.advancing(1.0), 3, 0.1):
                    return n
            elif wait_until(lambda: not self.advancing(1.0), 3, 0.1):
                return n
        raise Failure(f'{clicks} clicks on the run/pause button did not '
                      + ('resume' if want else 'pause') + ' the simulation')

    def restart(self):
        """Clicks the simulation bar's Restart button (the circular one);
        whether the simulation runs afterwards."""
        buttons = [b for b in self.all('push button', visible=True)
                   if name(b).replace('_', '').lower().startswith('restart')]
        if not buttons:
            return False
        self.click(buttons[-1])
        if wait_until(lambda: self.advancing(1.0), 3, 0.1):
            return True
        try:
            self.set_running(True, clicks=2)
            return True
        except Failure:
            return False

    def banner_text(self):
        """The text of the simulation's stop banner while it shows, else ''.
        The banner is the box holding a showing Restart push button and a
        long label (the controls' box holds only the short "Speed")."""
        for button in self.all('push button', visible=True):
            if 'restart' not in name(button).lower().replace('_', ''):
                continue
            parent = button.parent
            for i in range(parent.childCount):
                child = parent.getChildAtIndex(i)
                if role(child) == 'label' and showing(child) and len(name(child)) > 15:
                    return name(child)
        return ''

    # -- gestures --
    def click(self, acc, fx=0.5, fy=0.5):
        x, y, w, h = extents(acc)
        check(w > 0 and h > 0, f'"{name(acc)}" has no area to click')
        click_at(x + w * fx, y + h * fy)

    def set_spin(self, spin, text):
        """Types @text into a spin button and confirms it with Enter."""
        self.click(spin, 0.3)
        key('ctrl+a')
        type_text(text)
        key('Return')


def parse_readout(text):
    """'689', '1.23 × 10⁻⁴' → a float (the read-outs' forms)."""
    sup = str.maketrans('⁰¹²³⁴⁵⁶⁷⁸⁹⁻−', '0123456789--')
    text = text.replace(' ', '').replace('\u2009', '').replace('\u202f', '').translate(sup)
    m = re.match(r'^(-?[\d.]+)(?:×10(-?\d+))?$', text)
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * 10 ** int(m.group(2) or 0)


# ---- sliders --------------------------------------------------------------------------

class Slider:
    """A GtkScale, with the map from pointer x to value measured the way
    GTK does it: a press on the trough warps the knob to the pointer."""

    def __init__(self, app, acc):
        self.app, self.acc = app, acc
        self.lo, self.hi = value_range(acc)
        self._map = None

    @property
    def name(self):
        return name(self.acc)

    def value(self):
        return value(self.acc)

    def calibrate(self):
        """Clicks at two points of the trough and reads the values there:
        value = a + b·x for the pointer's x (log sliders are linear in
        their own adjustment, which AT-SPI reports).  Leaves the value
        where it was before."""
        x, y, w, h = extents(self.acc)
        before = self.value()
        points = []
        for fx in (0.3, 0.7):
            px = x + w * fx
            previous = self.value()
            click_at(px, y + h / 2)
            wait_until(lambda: self.value() != previous, 1, 0.05)
            points.append((px, self.settle()))
        (x1, v1), (x2, v2) = points
        check(v2 != v1, f'slider "{self.name}" did not move when clicked')
        b = (v2 - v1) / (x2 - x1)
        self._map = (v1 - b * x1, b)
        self.drag_to(before)
        return self._map

    def settle(self, timeout=1.5):
        """Waits until the value reads the same twice, 0.1 s apart (a busy
        app answers AT-SPI late); returns it."""
        last = [self.value()]

        def steady():
            time.sleep(0.1)
            now = self.value()
            same = now == last[0]
            last[0] = now
            return same
        wait_until(steady, timeout, 0.0)
        return last[0]

    def x_of(self, v):
        if self._map is None:
            self.calibrate()
        a, b = self._map
        return (v - a) / b

    def value_at(self, px):
        a, b = self._map
        return a + b * px

    def drag_to(self, target, tries=4):
        """Drags the knob to @target as a user would: grab it, a brisk
        move to where @target is, let go; again from there while the value
        is more than a pixel off.  Returns the value reached."""
        x, y, w, h = extents(self.acc)
        if self._map is None:
            self.calibrate()
        per_px = abs(self._map[1])
        aim = self.x_of(target)
        for _ in range(tries):
            start = self.x_of(self.value())
            # Past the trough's ends the value stays at its limit.
            end = min(max(aim, x - 20), x + w + 20)
            self.drag_pixels(start, end, 6, 0.015)
            self.settle()
            err = self.value() - target
            if abs(err) <= per_px:
                break
            aim -= err / self._map[1]
        return self.value()

    def drag_pixels(self, x_from, x_to, steps, step_delay):
        """A plain drag along the trough from one x to another."""
        _, y, _, h = extents(self.acc)
        cy = y + h / 2
        press(x_from, cy)
        for i in range(1, steps + 1):
            move(x_from + (x_to - x_from) * i / steps, cy)
            time.sleep(step_delay)
        release()


def slider(app, prefix):
    return Slider(app, app.find('slider', prefix))


# ---- running a test -----------------------------------------------------------------

def run(test, width=1280, height=720, app_args=(), app_env=None):
    """Runs @test(app) in a fresh session; exits 0, 1 or 77 (skip)."""
    # meson's timeout sends SIGTERM: end the app and the session first.
    def terminated(signum, frame):
        raise Failure('terminated (timed out?)')
    signal.signal(signal.SIGTERM, terminated)
    session = Session(width, height)
    app = None
    status = 1
    try:
        app = App(session, app_args, app_env)
        test(app)
        app.check_alive('at the end of the test')
        app.check_stderr_clean()
        status = 0
        log('PASS')
    except Failure as failure:
        log(f'FAIL: {failure}')
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    finally:
        if app is not None:
            text = app.stderr_text()
            if text.strip():
                log('--- spinodal stderr ---')
                log(text.rstrip()[-6000:])
            app.close()
        session.close()
    sys.exit(status)


# ---- dialogs ---------------------------------------------------------------------------

def new_dialog(app, before, timeout=10):
    """Waits for a top-level window of @app that was not in @before (a
    list of accessibles) and returns it."""
    def find():
        for child in app.children():
            if child not in before and showing(child):
                return child
        return None
    return wait_until(find, timeout, 0.1, 'a dialog to open')


def gone(app, dialog, timeout=10):
    wait_until(lambda: dialog not in app.children() or not showing(dialog), timeout, 0.1,
               f'the dialog "{name(dialog)}" to close')


def choose_file(app, shortcut, path, save):
    """Opens the file chooser with @shortcut, enters @path and accepts it
    with Enter, as a user would.  Returns the chooser's title."""
    before = app.children()
    x_before = app.x_windows()
    key(shortcut)
    dialog = new_dialog(app, before)
    title = name(dialog)
    dialog_x = wait_until(lambda: app.x_windows() - x_before, 10, 0.1,
                          f'the X window of "{title}"')
    # The chooser is on the bus before it takes keys: wait for its text
    # field to have the focus.

    def focused_text():
        return any(states(a).contains(pyatspi.STATE_FOCUSED) and role(a) in ('text', 'entry')
                   for a in walk(dialog, skip=CHOOSER_LISTS))
    if save:
        wait_until(focused_text, 10, 0.1, 'the name field of the chooser')
    else:
        # Open: Ctrl+L shows the location field (again until it shows:
        # the first press may come before the chooser takes keys).
        for _ in range(5):
            key('ctrl+l')
            if wait_until(focused_text, 2, 0.1):
                break
        else:
            raise Failure(f'Ctrl+L shows no location field in "{title}"')
    # Replace whatever the field holds (Save As: the proposed name) with
    # the whole path.
    key('ctrl+a')
    type_text(path)

    # The field completes names as it goes (GTK 4.8 exposes no text there
    # to compare): Enter after a moment, and again, as a user would, while
    # the chooser stays.  Whether it stays is asked of X, not of AT-SPI:
    # asking the bus about a window being torn down is what crashes GTK
    # 4.8's bridge (see CHOOSER_LISTS).
    wait_until(lambda: False, 0.5)
    for _ in range(3):
        key('Return')
        if wait_until(lambda: not (dialog_x & app.x_windows()), 4, 0.1):
            return title
    raise Failure(f'the dialog "{title}" did not close on Enter')
