"""Packaging hook: a wheel carries compiled message catalogs (.mo), which are not kept in git.

Everything else about the package is declared in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    """Compiles every locale/*/LC_MESSAGES/*.po of the package into the build, with Babel."""

    def run(self):
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        source = Path(__file__).resolve().parent / "src"
        for po_path in (source / "havza").rglob("locale/*/LC_MESSAGES/*.po"):
            mo_path = Path(self.build_lib) / po_path.relative_to(source).with_suffix(".mo")
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as po, mo_path.open("wb") as mo:
                write_mo(mo, read_po(po))


setup(cmdclass={"build_py": BuildWithCatalogs})
