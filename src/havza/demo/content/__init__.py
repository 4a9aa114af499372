"""The demo network's content, written for havza: a fictional network of workers'
organizations around the Mediterranean and beyond. Names, people, organizations and events are
invented; places are real. Each work lives in its own module, in every language it has."""

from __future__ import annotations

from havza.demo.content import (
    conference_call_2025,
    conference_report_2025,
    heat_2024,
    interview_2026,
    may_day_2025,
    mersin_strike_2024,
    sea_2023,
    seasonal_workers_2026,
)
from havza.demo.content.network import EVENTS, ORGANIZATIONS, PEOPLE, TOPICS
from havza.demo.content.schema import WorkData

# Oldest first.
WORKS: tuple[WorkData, ...] = (
    sea_2023.WORK,
    mersin_strike_2024.WORK,
    heat_2024.WORK,
    may_day_2025.WORK,
    conference_call_2025.WORK,
    conference_report_2025.WORK,
    interview_2026.WORK,
    seasonal_workers_2026.WORK,
)

__all__ = ["EVENTS", "ORGANIZATIONS", "PEOPLE", "TOPICS", "WORKS"]
