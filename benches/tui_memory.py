#!/usr/bin/env python3
"""Peak memory (and wall time to the first frame of 首页) of the real TUI binary.

Usage: python3 benches/tui_memory.py target/release/shian DATA_DIR
Starts `/usr/bin/time -v shian --data-dir DATA_DIR` in a pseudo-terminal of 120x40, waits for
the home screen to be drawn (a demo database is given a fictional inspector profile first, as the
welcome screen would save), waits 2 s more for anything loaded after the first frame, quits
with Ctrl-C (shian's own safe quit) and prints the time to the first frame and GNU time's
maximum resident set size of the shian process.
"""
import fcntl, os, pty, re, select, sqlite3, struct, sys, termios, time

binary, data_dir = sys.argv[1], sys.argv[2]

# A demo database has no inspector profile, so shian would open on the welcome screen; give it
# a fictional one (what the welcome screen would save) so the home screen is what is measured.
with sqlite3.connect(os.path.join(data_dir, "shian.db")) as db:
    db.executemany(
        "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
        [("inspector_name", "测试员"), ("inspector_badge", "00000000"),
         ("bureau", "示例区市场监督管理局")],
    )
report = "/tmp/shian-tui-time.txt"
pid, fd = pty.fork()
if pid == 0:
    os.execv("/usr/bin/time", ["time", "-v", "-o", report, binary, "--data-dir", data_dir])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
start = time.monotonic()
seen = b""
first = None
while time.monotonic() - start < 60:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        plain = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b"", seen)
        if first is None and "首页".encode() in plain:
            first = time.monotonic() - start
    if first is not None and time.monotonic() - start > first + 2:
        break
open("/tmp/shian-tui-screen.txt", "wb").write(seen)
os.write(fd, b"\x03")
deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
os.waitpid(pid, 0)
text = open(report).read()
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
print(f"first frame of 首页 after {first:.3f} s (wall, from exec)" if first else "home screen not seen")
print(f"peak RSS {int(rss) / 1024:.1f} MiB")
