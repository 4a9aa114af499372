"""An event as an iCalendar file (RFC 5545), written with the icalendar library."""

from __future__ import annotations

import datetime as dt

import icalendar


def event_calendar(
    *,
    uid: str,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    place: str,
    url: str,
    lang: str,
    site_name: str,
) -> bytes:
    """A calendar holding one all-day event from STARTS_ON to ENDS_ON (inclusive)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{site_name}//havza//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    event = icalendar.Event()
    event.add("uid", uid)
    # The day the event starts stands for when it was written: the same event, the same bytes.
    event.add("dtstamp", dt.datetime.combine(starts_on, dt.time(), tzinfo=dt.UTC))
    event.add("dtstart", starts_on)
    event.add("dtend", ends_on + dt.timedelta(days=1))  # DTEND of all-day events is exclusive
    event.add("summary", name, parameters={"LANGUAGE": lang})
    if place:
        event.add("location", place, parameters={"LANGUAGE": lang})
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
