"""The geo command as a user runs it: real processes, exit codes, stdout vs stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, km


def geo(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_geocode_prints_the_place():
    out = geo("geocode", "Huayllani, Cochabamba", "--json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert km(r["lat"], r["lon"], -17.3964, -66.0570) < 5 and r["country"] == "BO"
    assert r["alternatives"] and all("score" in a for a in r["alternatives"])


def test_geocode_country_option():
    out = geo("geocode", "Santa Cruz", "--country", "bo")
    assert out.returncode == 0 and out.stdout.startswith("Santa Cruz de la Sierra (Santa Cruz, BO)")


@pytest.mark.parametrize("query", ["", "   "])
def test_blank_query_exits_1(query):
    out = geo("geocode", query)
    assert out.returncode == 1 and "empty place name" in out.stderr and out.stdout == ""


def test_unknown_name_exits_1_with_suggestions():
    out = geo("geocode", "Cochabamb")
    assert out.returncode == 1
    assert "not found" in out.stderr and "Cochabamba" in out.stderr and out.stdout == ""


def test_usage_errors_exit_2():
    assert geo("geocode", "x", "--country", "BOL").returncode == 2
    assert geo("geocode").returncode == 2
    assert geo("no-such-command").returncode == 2


@pytest.mark.parametrize("cmd", [[], ["geocode"]])
def test_help_has_examples(cmd):
    out = geo(*cmd, "--help")
    assert out.returncode == 0 and "Examples" in out.stdout and "geo geocode" in out.stdout
