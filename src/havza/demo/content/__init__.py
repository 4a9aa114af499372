"""The demo network's content, written for havza: a fictional network of workers'
organizations around the Mediterranean and beyond. Names, people, organizations and events are
invented; places are real. Each work lives in its own module, in every language it has."""

from __future__ import annotations

from havza.demo.content import may_day_2025
from havza.demo.content.network import EVENTS, ORGANIZATIONS, PEOPLE, TOPICS
from havza.demo.content.schema import WorkData

WORKS: tuple[WorkData, ...] = (may_day_2025.WORK,)

__all__ = ["EVENTS", "ORGANIZATIONS", "PEOPLE", "TOPICS", "WORKS"]
