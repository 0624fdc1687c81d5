"""allocation.demo: TODO face docstring."""

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
