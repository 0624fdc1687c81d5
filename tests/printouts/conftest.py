"""Fixtures for printout tests: the demo project's households, flats and a publication."""

from __future__ import annotations

from datetime import date

import pytest

from allocation.demo.register import demo_flats, demo_households
from allocation.registry.model import Flat, Household
from printouts.notices.publication import Publication


@pytest.fixture(scope="session")
def households() -> list[Household]:
    return demo_households()


@pytest.fixture(scope="session")
def flats() -> list[Flat]:
    return demo_flats()


@pytest.fixture(scope="session")
def publication() -> Publication:
    return Publication(
        start=date(2026, 11, 23),
        end=date(2026, 11, 29),
        office="粮道街片区征收安置指挥部",
        address="武昌区粮道街120号",
        phone="027-88001234",
    )
