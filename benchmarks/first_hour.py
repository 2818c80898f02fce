"""Time what a new user waits for in the first hour, as real processes.

    python benchmarks/first_hour.py [--runs 5]

Prints medians (and ranges) over several runs of: `kg serve` from launch to the line
"serving on" (the dump already built), `kg serve` on a busy port until it exits 3, and
`kg query powers` with a holder that matches (no hint) and one that matches nothing (the
query is run again without the parameter to find the closest values). The dump is built
once first into a temporary directory, so every run reuses it.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

KG = [sys.executable, "-m", "kg"]


def timed(action: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def show(what: str, times: list[float]) -> None:
    print(
        f"{what:<48} median {statistics.median(times):6.2f} s"
        f"  ({min(times):.2f} to {max(times):.2f} s, {len(times)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
        env["KG_DIST_DIR"] = str(Path(tmp) / "dist")
        subprocess.run([*KG, "build"], env=env, check=True, capture_output=True)

        def serve_until_ready() -> None:
            process = subprocess.Popen(
                [*KG, "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, text=True
            )
            assert process.stdout is not None
            line = process.stdout.readline()
            if "serving on" not in line:
                raise SystemExit(f"kg serve did not start: {line!r}")
            process.send_signal(signal.SIGINT)
            process.wait(60)

        def serve_on_a_busy_port() -> None:
            with socket.socket() as busy:
                busy.bind(("127.0.0.1", 0))
                busy.listen()
                port = str(busy.getsockname()[1])
                done = subprocess.run([*KG, "serve", "--port", port], env=env, capture_output=True)
            if done.returncode != 3:
                raise SystemExit(f"expected exit 3, got {done.returncode}")

        def query(holder: str) -> Callable[[], None]:
            def run() -> None:
                command = [*KG, "query", "powers", "-p", f"holder={holder}", "-f", "csv"]
                subprocess.run(command, env=env, check=True, capture_output=True)

            return run

        show("kg serve: launch to 'serving on'", timed(serve_until_ready, runs))
        show("kg serve on a busy port: launch to exit 3", timed(serve_on_a_busy_port, runs))
        show("kg query powers -p holder=president", timed(query("president"), runs))
        show("kg query powers -p holder=presdient (hint)", timed(query("presdient"), runs))


if __name__ == "__main__":
    main()
