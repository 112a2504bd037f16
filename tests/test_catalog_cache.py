"""The per-user cache of the parsed resource files: same catalog, never stale, never required."""

from __future__ import annotations

import os
import shutil

import pytest

from planner.domain.errors import ResourceError
from planner.loading import load_catalog
from planner.loading.cache import user_cache_dir
from planner.resources import resource_dir


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "resources"
    shutil.copytree(resource_dir(), root, ignore=shutil.ignore_patterns("fonts", "samples"))
    return root


def test_the_cached_catalog_equals_the_parsed_one(root, tmp_path):
    cache = tmp_path / "cache"
    parsed = load_catalog(root)
    first = load_catalog(root, cache)  # parses and writes the cache
    [written] = cache.glob("catalog-*.json")
    second = load_catalog(root, cache)  # reads the cache
    assert first == parsed and second == parsed
    assert second.benchmarks.raw == parsed.benchmarks.raw  # dates come back as dates
    assert list(cache.glob("catalog-*.json")) == [written]


def test_a_changed_file_is_never_read_from_the_cache(root, tmp_path):
    cache = tmp_path / "cache"
    load_catalog(root, cache)
    path = root / "catalog" / "costs.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("unit_price = ", "unit_price = 1", 1), encoding="utf-8")
    changed = load_catalog(root, cache)
    assert changed == load_catalog(root)
    assert len(list(cache.glob("catalog-*.json"))) == 1  # the old one was replaced


def test_a_garbled_cache_is_ignored_and_replaced(root, tmp_path):
    cache = tmp_path / "cache"
    load_catalog(root, cache)
    [written] = cache.glob("catalog-*.json")
    for garbage in (b"\xff\xfe", b"[]", b'{"x": 1}', b"{"):
        written.write_bytes(garbage)
        assert load_catalog(root, cache) == load_catalog(root)
    assert written.read_bytes().startswith(b"{")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_the_cache_is_not_read(root, tmp_path):
    cache = tmp_path / "cache"
    load_catalog(root, cache)
    [written] = cache.glob("catalog-*.json")
    written.unlink()
    os.mkfifo(written)  # reading it would wait for a writer for ever: the program never started
    assert load_catalog(root, cache) == load_catalog(root)
    assert written.is_file()  # replaced by the cache again


def test_the_cache_never_hides_a_validation_error(root, tmp_path):
    cache = tmp_path / "cache"
    load_catalog(root, cache)
    path = root / "catalog" / "units.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('paper = "heavy"', 'paper = "lots"', 1),
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="units.toml"):
        load_catalog(root, cache)


def test_an_unwritable_cache_folder_is_no_error(root, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert load_catalog(root, blocker / "cache") == load_catalog(root)


def test_the_cache_folder_can_be_moved_or_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", str(tmp_path))
    assert user_cache_dir() == tmp_path
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", "")
    assert user_cache_dir() is None
