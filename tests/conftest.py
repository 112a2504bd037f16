"""Shared fixtures. Qt runs offscreen; the bundled catalog is read once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.domain.catalog import Catalog, default_catalog  # noqa: E402
from planner.domain.model import Municipality  # noqa: E402


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def municipality() -> Municipality:
    return Municipality(
        name="さくら町", prefecture="長野県", general_staff=120, all_staff=180, fiscal_year=2025,
        author="山田 花子", department="総務課 職員係",
    )  # fmt: skip
