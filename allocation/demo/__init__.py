"""The demo project, fully synthetic and the same on every run: an old-town resettlement's
register (households with members, flats), its default policy, and casework (teams,
visits, requests, progress, intentions) that fits the register; and the second demo project's
(价值互换演示): the same register and flats valued for a value-based policy, each
household with its compensation mode, assessed value and appraisal report."""

from allocation.demo.casework import WORK_START, DemoCasework, demo_casework
from allocation.demo.intentions import DemoIntention, demo_intentions
from allocation.demo.policy import demo_policy
from allocation.demo.register import (
    DEMO_PROJECT_NAME,
    DEMO_TODAY,
    demo_flats,
    demo_households,
    demo_stock,
)
from allocation.demo.value_register import value_flats, value_households
from allocation.demo.value_rules import value_policy

__all__ = [
    "DEMO_PROJECT_NAME",
    "DEMO_TODAY",
    "DemoCasework",
    "DemoIntention",
    "WORK_START",
    "demo_casework",
    "demo_flats",
    "demo_households",
    "demo_intentions",
    "demo_policy",
    "demo_stock",
    "value_flats",
    "value_households",
    "value_policy",
]
