"""The wheel carries the data, the ontology and the named queries: built from a copy of the
checkout, installed into a fresh virtual environment outside it, and run from another
directory. Offline: the wheel is built without build isolation and installed without its
dependencies, which the new environment takes from the running one through a .pth file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from kg.config import ROOT

SKIP = {".git", ".venv", "dist", "build", "test-artifacts", ".envs", "__pycache__", ".ruff_cache"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=lambda _d, names: [n for n in names if n in SKIP])
    wheels = tmp / "wheels"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip_wheel, "-q", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("ata_zan-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(purelib) / "ata_zan_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.rmtree(source)  # nothing may come from the checkout any more
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update(HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"))
    return wheel, venv, env


def run(installed: tuple[Path, Path, dict[str, str]], *args: str) -> subprocess.CompletedProcess:
    _, venv, env = installed
    elsewhere = venv.parent / "elsewhere"
    return subprocess.run(
        [str(venv / "bin" / "kg"), *args],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=300,
    )


def test_the_wheel_carries_data_ontology_queries_and_templates(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    names = set(zipfile.ZipFile(installed[0]).namelist())
    shipped = {
        f"kg/_share/{p.relative_to(ROOT)}"
        for pattern in ("data/**/*.yaml", "ontology/*.ttl", "queries/**/*.rq")
        for p in ROOT.glob(pattern)
    }
    templates = {f"kg/templates/{p.name}" for p in (ROOT / "kg" / "templates").iterdir()}
    assert shipped and shipped <= names
    assert templates <= names


def test_the_installed_package_is_not_the_checkout(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    _, venv, env = installed
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kg, kg.resources as r; print(r.DATA_DIR)"],
        capture_output=True,
        text=True,
        cwd=venv.parent / "elsewhere",
        env=env,
        check=True,
    )
    assert done.stdout.strip().startswith(str(venv))


def test_query_serve_and_viz_run_from_another_directory(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    done = run(installed, "query", "powers", "-p", "holder=president", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert {r["holder"] for r in json.loads(done.stdout)["rows"]} == {"President"}
    done = run(installed, "serve", "--get", "/queries/powers.csv?holder=kurultai")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("holder,action,object")
    done = run(installed, "viz", "-o", "powers.html")
    assert done.returncode == 0, done.stderr
    page = installed[1].parent / "elsewhere" / "powers.html"
    assert "Kurultai" in page.read_text(encoding="utf-8")
    # The dumps went to the user's cache, not into the installed package.
    cache = Path(installed[2]["XDG_CACHE_HOME"]) / "ata-zan" / "dist" / "atazan.nq"
    assert cache.is_file()
