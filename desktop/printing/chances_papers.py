"""The chances sheets (选房机会估算单) and the office's supply and demand report, from the database.

Both read what :mod:`db.selection.chances` reads: the sheets each
household's figures after the draw (:func:`db.selection.draw_chances`, the
estimate made from the stock before the session, as the 选房通知书 prints it),
the report the table of supply against demand under the frozen rules
(:func:`db.selection.project_supply_demand`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from allocation.errors import NotFoundError
from db import papers, registry, selection
from desktop.printing import data
from desktop.printing.progress import reporting
from printouts import BaseDocument, ChancesSheet, ChancesSheetData, SupplyReport


def chances_sheets(session: Session, facts: data.ProjectFacts, *, start: date, office: str,
                   household: str | None = None) -> tuple[BaseDocument, list[ChancesSheetData]]:
    """Every household's sheet in the drawn order (or the one asked for), dated ``start``;
    the rules judged on the session's date, else ``start``.

    Raises:
        NotFoundError: ``policy_not_frozen``, ``draw_not_found``, ``household_not_found``.
        ValidationError: ``chances_mixed_pricing`` and as :func:`db.selection.draw_chances`.
    """
    policy = data.require_policy(facts)
    on = papers.judged_on(session, facts.id, start)
    chances = selection.draw_chances(session, facts.id, on=on)
    households = {h.code: h for h in registry.load_households(session, facts.id)}
    if household is not None and chances.of(household) is None:
        raise NotFoundError("household_not_found", code=household)
    counts = data.tallies(list(households.values()), policy, on,
                          data.published_groups(session, facts))
    sheets = [ChancesSheetData(
        household=households[found.code], chances=found, method=chances.method,
        replays=chances.replays, seed=chances.seed, office=office, issued_on=start,
        entitlement=(counts.entitlements or {}).get(found.code),
        group=(counts.groups or {}).get(found.code) or "")
        for found in chances.households if household is None or found.code == household]
    return reporting(ChancesSheet)(data.document_info(session, facts), sheets), sheets


def supply_report(session: Session, facts: data.ProjectFacts, *, start: date) -> BaseDocument:
    """人房供需情况分析表 under the frozen rules, judged on ``start``.

    Raises:
        NotFoundError: ``policy_not_frozen``.
    """
    data.require_policy(facts)  # "may take" is the frozen rules' word
    table = selection.project_supply_demand(session, facts.id, on=start)
    return reporting(SupplyReport)(data.document_info(session, facts), table)
