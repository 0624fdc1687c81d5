"""The demo project, fully synthetic and the same on every run: an old-town resettlement's
register (households with members, flats), its default policy, and casework (teams,
visits, requests, progress) that fits the register."""

from allocation.demo.casework import WORK_START, DemoCasework, demo_casework
from allocation.demo.policy import demo_policy
from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households

__all__ = [
    "DEMO_TODAY",
    "DemoCasework",
    "WORK_START",
    "demo_casework",
    "demo_flats",
    "demo_households",
    "demo_policy",
]
