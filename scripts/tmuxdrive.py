#!/usr/bin/env python3
"""Drive a terminal program in tmux and take PNG screenshots of it.

Each Pane runs its command in a tmux server of its own, on a socket in a fresh temporary
directory, so it never touches the user's tmux or another run; closing it kills only that server.
Waiting is always polling capture-pane against a deadline, never a fixed sleep.

    with Pane(["htop"], cols=120, rows=40) as pane:
        pane.wait_for("Load average")
        pane.send("F2")
        pane.screenshot("htop.png", title="htop")

Command line (one screenshot):
    scripts/tmuxdrive.py --cols 100 --rows 30 --wait "ready" --keys 1 Enter --out x.png -- prog args
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Names tmux's send-keys understands as keys; anything else is typed literally (send-keys -l),
# so that text such as "Enter the name" or "C" can never be misread as a key.
KEY_NAME = re.compile(
    r"^(?:(?:[CMS]-)+.+|Enter|Escape|Space|Tab|BTab|BSpace|Up|Down|Left|Right|Home|End|"
    r"PageUp|PgUp|PageDown|PgDn|PPage|NPage|IC|DC|F[1-9]|F1[0-2])$")


class DriveError(Exception):
    pass


class Pane:
    def __init__(self, command, cols, rows, env=None, cwd=None):
        if shutil.which("tmux") is None:
            raise DriveError("tmux is not installed: apt-get install -y tmux")
        self.cols, self.rows = cols, rows
        self.dir = tempfile.mkdtemp(prefix="tmuxdrive.")
        self.socket = os.path.join(self.dir, "sock")
        environment = {"LANG": "C.UTF-8", "TERM": "xterm-256color", "ESCDELAY": "25"}
        terminfo = self._terminfo_without_bce()
        if terminfo:
            environment["TERMINFO"] = terminfo
        environment.update(env or {})
        # `env -u` because tmux passes its own environment on, and LINES/COLUMNS from the
        # caller would override the pane size in ncurses.
        # The sh wrapper records the exit status and keeps the pane open: tmux 3.3 can drop the
        # last output of a pane whose process exits at once, which is just what an error
        # report needs. `trap :` lets C-c reach the program without ending the wrapper.
        self.status_file = os.path.join(self.dir, "exit-status")
        wrapper = 'trap : INT QUIT; "$@"; echo $? > "$0"; exec sleep infinity'
        wrapped = ["env", "-u", "LINES", "-u", "COLUMNS"] + \
            [f"{k}={v}" for k, v in environment.items()] + \
            ["sh", "-c", wrapper, self.status_file] + list(command)
        # remain-on-exit keeps the pane after the program exits, so a crash leaves its last
        # screen to report; set in the same tmux call, before the program can exit.
        self._tmux("new-session", "-d", "-x", str(cols), "-y", str(rows),
                   *(["-c", cwd] if cwd else []), shlex.join(wrapped),
                   ";", "set-option", "-g", "remain-on-exit", "on")

    def _terminfo_without_bce(self):
        """xterm-256color minus `bce`: with bce, ncurses clears coloured line ends with an
        erase, and tmux's capture-pane drops those cells, so full-width coloured bars would come
        out cut short in the PNG. Without bce ncurses writes the spaces. Nothing else changes."""
        if not shutil.which("infocmp") or not shutil.which("tic"):
            return None
        source = subprocess.run(["infocmp", "-x", "xterm-256color"], capture_output=True,
                                text=True)
        if source.returncode != 0:
            return None
        path = os.path.join(self.dir, "terminfo")
        entry = os.path.join(self.dir, "xterm-256color.src")
        with open(entry, "w") as f:
            f.write(re.sub(r"\bbce,\s*", "", source.stdout))
        made = subprocess.run(["tic", "-x", "-o", path, entry], capture_output=True)
        return path if made.returncode == 0 else None

    def _tmux(self, *args, check=True):
        # Without TMUX: run from inside a tmux session, tmux would refuse to nest sessions.
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}
        result = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args],
                                capture_output=True, text=True, env=env)
        if check and result.returncode != 0:
            raise DriveError(f"tmux {args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def send(self, *keys):
        for key in keys:
            if KEY_NAME.match(key):
                self._tmux("send-keys", "-t", "0", key)
            else:
                self._tmux("send-keys", "-t", "0", "-l", "--", key)  # "--": text may start with -

    def screen(self, styled=False):
        return self._tmux("capture-pane", "-p", "-N", *(["-e"] if styled else []), "-t", "0")

    def is_dead(self):
        if os.path.exists(self.status_file):
            return True
        return self._tmux("display-message", "-p", "-t", "0", "#{pane_dead}").strip() == "1"

    def exit_status(self):
        try:
            with open(self.status_file) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def cursor(self):
        """(col, row) of the cursor, or None when the program hid it."""
        out = self._tmux("display-message", "-p", "-t", "0",
                         "#{cursor_x},#{cursor_y},#{cursor_flag}").strip()
        x, y, visible = out.split(",")
        return (int(x), int(y)) if visible == "1" else None

    def wait_until(self, predicate, description, timeout=10.0):
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline or self.is_dead():
                state = f"the program exited (status {self.exit_status()})" if self.is_dead() \
                    else f"{timeout:g}s passed"
                raise DriveError(f"waiting for {description}: {state}; last screen:\n{screen}")
            time.sleep(0.05)

    def wait_for(self, text, timeout=10.0):
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_for_effect(self, before, text=None, timeout=10.0, quiet=0.3, settle_cap=2.0):
        """After sending keys: wait until the screen differs from `before` (a styled capture
        taken before sending) and shows `text` if given, then until it stays unchanged for
        `quiet` seconds (at most `settle_cap`), so a half-drawn frame is never captured.
        Waiting for the change first matters when `text` was already on screen."""
        wanted = f"the screen to change and show {text!r}" if text else "the screen to change"
        self.wait_until(lambda _: self.screen(styled=True) != before
                        and (text is None or text in self.screen()), wanted, timeout)
        last, since, cap = self.screen(styled=True), time.monotonic(), time.monotonic() + settle_cap
        while time.monotonic() - since < quiet and time.monotonic() < cap:
            time.sleep(0.05)
            now = self.screen(styled=True)
            if now != last:
                last, since = now, time.monotonic()
        return last

    def screenshot(self, out, title=None, extra_args=()):
        capture = self.screen(styled=True)
        args = [sys.executable, os.path.join(HERE, "ansi2png.py"), "--cols", str(self.cols),
                "--rows", str(self.rows), "--out", out, *extra_args]
        if title is not None:
            args += ["--title", title]
        cursor = self.cursor()
        if cursor:
            args += ["--cursor", f"{cursor[0]},{cursor[1]}"]
        result = subprocess.run(args, input=capture.encode(), capture_output=True)
        if result.returncode != 0:
            raise DriveError(f"ansi2png failed: {result.stderr.decode().strip()}")
        return capture

    def close(self):
        """Kills this pane's tmux server (only it: the socket is ours) and removes the dir."""
        if self.dir is None:
            return
        self._tmux("kill-server", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def main():
    parser = argparse.ArgumentParser(description="Run a command in tmux and screenshot it.")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--wait", help="text to wait for before sending keys")
    parser.add_argument("--keys", nargs="*", default=[], help="tmux key names or literal text")
    parser.add_argument("--then", help="text to wait for after the keys")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--out", required=True, help="PNG file")
    parser.add_argument("--title")
    parser.add_argument("command", nargs="+")
    args, render_args = parser.parse_known_args()
    with Pane(args.command, args.cols, args.rows) as pane:
        if args.wait:
            pane.wait_for(args.wait, args.timeout)
        before = pane.screen(styled=True)
        pane.send(*args.keys)
        if args.keys or args.then:
            pane.wait_for_effect(before, args.then, args.timeout)
        pane.screenshot(args.out, args.title, render_args)


if __name__ == "__main__":
    try:
        main()
    except DriveError as error:
        sys.exit(f"tmuxdrive: {error}")
