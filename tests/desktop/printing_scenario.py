"""A small project at the selection desk, for the printing tests: 12 households, 3 have chosen.

Built through the same operations the desk uses: demo households and flats,
frozen demo rules, a published pool and a draw, an open session on a fixed
day; the first three households called each take the first flat offered,
the second one through a proxy. The other nine are still waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

import db.lottery.draws as draws
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection.desk as selection
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.registry.ids import make_id
from allocation.registry.model import ProjectId

NAME = "粮道街测试项目"
HELD_ON = date(2026, 11, 25)
SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
PROXY_NAME = "李代理"
PROXY_ID = make_id("420106", date(1980, 5, 17), 12, "F")
HOUSEHOLDS = 12
CHOSEN = 3


@dataclass(frozen=True)
class Scenario:
    project_id: ProjectId
    chosen: list[str]  # codes, in the order they chose
    waiting: list[str]
    proxy_household: str
    order: list[str]  # the draw's final order


def build_drawn(session: Session, name: str = NAME) -> ProjectId:
    project_id = registry.create_project(session, name=name, actor="op")
    importing.import_households(session, project_id=project_id,
                                households=demo_households()[:HOUSEHOLDS], actor="op")
    importing.import_flats(session, project_id=project_id, flats=demo_flats(), actor="op")
    policies.set_policy(session, project_id=project_id, policy=demo_policy(), actor="op")
    policies.freeze_policy(session, project_id=project_id, actor="op")
    draws.publish_pool(session, project_id=project_id, actor="op", on=HELD_ON)
    draws.announce_and_draw(session, project_id=project_id, sources=SOURCES, actor="op")
    return project_id


def build(factory: sessionmaker[Session], name: str = NAME) -> Scenario:
    with factory.begin() as session:
        project_id = build_drawn(session, name)
        selection.open_session(session, project_id=project_id, operator="op", held_on=HELD_ON)
        order = draws.counting_draw(session, project_id).final_order  # type: ignore[union-attr]
    chosen = []
    for n in range(CHOSEN):
        with factory.begin() as session:
            turn = selection.call_next(session, project_id=project_id, operator="desk1")
            assert turn is not None
            if n == 1:
                selection.set_proxy(session, project_id=project_id, code=turn.code,
                                    name=PROXY_NAME, id_number=PROXY_ID, operator="desk1")
            flat = selection.offers(session, project_id, turn.code)[0].flat.key
            selection.select_flat(session, project_id=project_id, code=turn.code,
                                  flat_key=flat, operator="desk1")
            chosen.append(turn.code)
    waiting = [code for code in order if code not in chosen]
    return Scenario(project_id, chosen, waiting, chosen[1], order)
