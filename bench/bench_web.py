"""Web latency under load: 50 concurrent users on loopback against a server this script starts.

    python bench/bench_web.py [--users 50] [--rounds 6] [--think 1.0] [--max-seconds 120]

Seeds a demo database in a temporary directory, starts ``uvicorn`` on 127.0.0.1 in a child
process (one worker, like ``netral serve``), then runs ``--users`` virtual users with httpx
AsyncClient. Half are citizens/ASN (home, rules, self-check, complaint form, tracking form,
API scan), half are officers (queue, filtered queue, case page, dashboard). Each user walks
its pages ``--rounds`` times, pausing a random 0..2×``--think`` seconds between pages like a
person reading (``--think 0`` hammers the server closed-loop); the run stops early after
``--max-seconds``. Prints p50, p95 and max latency per page and the overall request rate.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SERVER = """
import uvicorn
from netral.web.app import create_app
from netral.web.settings import WebSettings
uvicorn.run(create_app(WebSettings()), host="127.0.0.1", port={port}, log_level="warning")
"""


def seed(data_dir: Path) -> dict[str, str]:
    from netral.web.app import create_app
    from netral.web.demo import seed_demo
    from netral.web.settings import WebSettings

    app = create_app(WebSettings(data_dir=data_dir))
    users = seed_demo(app.state.service, app.state.selfcheck, registry_size=300, reports=120)
    app.state.service.store.engine.dispose()
    return {u.username: u.password for u in users}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_up(base: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not start")


async def login(base: str, username: str, password: str) -> httpx.Cookies:
    async with httpx.AsyncClient(base_url=base) as client:
        token = CSRF.search((await client.get("/login")).text).group(1)  # type: ignore[union-attr]
        response = await client.post("/login", data={"username": username, "password": password,
                                                     "csrf_token": token, "next": "/officer"})
        if response.status_code != 303:
            raise SystemExit(f"log-in as {username} failed: {response.status_code}")
        return client.cookies


async def citizen(base: str, rounds: int, stop: float, timings) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for _ in range(rounds):
            for name, call in (
                ("GET /", lambda: client.get("/")),
                ("GET /rules", lambda: client.get("/rules")),
                ("GET /self-check", lambda: client.get("/self-check")),
                ("GET /complaint", lambda: client.get("/complaint")),
                ("GET /track", lambda: client.get("/track")),
                ("POST /api/v1/scan", lambda: client.post("/api/v1/scan", json={
                    "text": "Ayo coblos nomor 2, pilih Rudy-Seno untuk Kaltim! #RudySeno"})),
            ):
                if time.monotonic() > stop:
                    return
                await timed(name, call, timings)
            page = await client.get("/self-check")
            token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
            await timed("POST /self-check", lambda t=token: client.post(
                "/self-check", data={"question": "boleh saya like postingan capres?",
                                     "csrf_token": t}, headers={"HX-Request": "true"}), timings)


async def officer(base: str, cookies: httpx.Cookies, case_ids: list[int], rounds: int,
                  stop: float, timings) -> None:
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=60) as client:
        for i in range(rounds):
            case_id = case_ids[i % len(case_ids)]
            for name, call in (
                ("GET /officer", lambda: client.get("/officer")),
                ("GET /officer?filters", lambda: client.get(
                    "/officer?status=registered&overdue=1", headers={"HX-Request": "true",
                                                                     "HX-Target": "queue"})),
                ("GET /officer/cases/{id}", lambda c=case_id: client.get(f"/officer/cases/{c}")),
                ("GET /dashboard", lambda: client.get("/dashboard")),
            ):
                if time.monotonic() > stop:
                    return
                await timed(name, call, timings)


THINK = {"seconds": 0.0}
_rng = random.Random(7)


async def timed(name: str, call, timings) -> None:
    if THINK["seconds"]:
        await asyncio.sleep(_rng.uniform(0, 2 * THINK["seconds"]))
    start = time.perf_counter()
    response = await call()
    elapsed = time.perf_counter() - start
    if response.status_code >= 400:
        timings["errors"].append(f"{name}: {response.status_code}")
    timings[name].append(elapsed)


async def run(base: str, passwords: dict[str, str], users: int, rounds: int,
              max_seconds: float) -> None:
    await wait_up(base)
    jars = [await login(base, name, passwords[name]) for name in ("bawaslu", "pemeriksa", "bkn")]
    async with httpx.AsyncClient(base_url=base, cookies=jars[2]) as client:
        page = (await client.get("/officer")).text
    case_ids = [int(x) for x in re.findall(r'href="/officer/cases/(\d+)"', page)][:20]
    # Warm-up, not timed: compile templates and build the case snapshot once.
    async with httpx.AsyncClient(base_url=base, cookies=jars[2], timeout=60) as client:
        for path in ("/", "/rules", "/self-check", "/complaint", "/track", "/officer",
                     "/dashboard", *(f"/officer/cases/{c}" for c in case_ids)):
            await client.get(path)
    timings: dict[str, list] = defaultdict(list)
    stop = time.monotonic() + max_seconds
    started = time.perf_counter()
    tasks = []
    for n in range(users):
        if n % 2:
            tasks.append(officer(base, jars[n % len(jars)], case_ids, rounds, stop, timings))
        else:
            tasks.append(citizen(base, rounds, stop, timings))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - started
    errors = timings.pop("errors", [])
    total = sum(len(v) for v in timings.values())
    print(f"{users} concurrent users (think {THINK['seconds']} s), {total} requests "
          f"in {wall:.1f} s ({total / wall:.0f} req/s), {len(errors)} errors")
    print(f"{'page':<28}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, values in sorted(timings.items()):
        values = sorted(values)
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"{name:<28}{len(values):>6}{statistics.median(values) * 1000:>10.0f}"
              f"{p95 * 1000:>10.0f}{values[-1] * 1000:>10.0f}")
    if errors:
        print("errors:", ", ".join(sorted(set(errors))[:10]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()
    THINK["seconds"] = args.think
    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        data_dir = Path(tmp)
        print("seeding the demo database…", flush=True)
        passwords = seed(data_dir)
        port = free_port()
        env = {**os.environ, "NETRAL_DATA_DIR": str(data_dir), "NETRAL_API_SCAN_RATE": "1000000",
               "NETRAL_DATABASE_URL": ""}
        server = subprocess.Popen([sys.executable, "-c", SERVER.format(port=port)], env=env)
        try:
            asyncio.run(run(f"http://127.0.0.1:{port}", passwords, args.users, args.rounds,
                            args.max_seconds))
        finally:
            server.terminate()
            server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
