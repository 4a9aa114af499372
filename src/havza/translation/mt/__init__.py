"""Machine translation suggestions from engines the network runs itself."""

from havza.translation.mt.base import Suggestions, Unavailable, engine_for, suggest

__all__ = ["Suggestions", "Unavailable", "engine_for", "suggest"]
