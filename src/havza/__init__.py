"""havza: multilingual publishing for international networks of organizations."""

__version__ = "0.1.0"
