"""Run a command as a process of its own and tell its own peak memory.

Linux folds the memory of the process that starts a child into the child's peak
(ru_maxrss survives exec), so a child started straight from the bench (hundreds of MB by
then) would report the bench's size. This small process starts the command instead and
writes `child_started_at=T` (the time the command was started) first and
`child_peak_kb=N` last on its stderr.

    python bench/child.py COMMAND...
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

if __name__ == "__main__":
    sys.stderr.write(f"child_started_at={time.time():.6f}\n")
    sys.stderr.flush()
    child = subprocess.Popen(sys.argv[1:])
    _, status, usage = os.wait4(child.pid, 0)
    sys.stderr.write(f"\nchild_peak_kb={usage.ru_maxrss}\n")
    sys.exit(os.waitstatus_to_exitcode(status))
