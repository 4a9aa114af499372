"""Mail that tells people of what concerns them, in their own interface language."""
